// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>

class QSocketNotifier;

// A child's standard output read through a pipe we own, so that reading can stop. QProcess reads a
// child's output as soon as it arrives, into a buffer without limit: when whoever consumes it is
// slower than the child, our memory grows with the data. Here a paused pipe is simply not read; it
// fills (64 KiB on Linux, pipe(7)) and the child blocks in write() until we resume: back-pressure all
// the way to the producer.
//
//     ChildOutputPipe pipe;
//     connect(&pipe, &ChildOutputPipe::received, this, [&](const QByteArray &chunk) { … pipe.setPaused(true);
//     }); connect(&pipe, &ChildOutputPipe::ended, this, …);     // end of file: the child closed its stdout
//     Status started = pipe.start(process, program, arguments);
//
// On Unix the child's stdout is the write end of a pipe(2) put in place by QProcess's child process
// modifier (dup2 after fork, before exec), read through a QSocketNotifier we can disable. Elsewhere it
// falls back to QProcess's own channel: same signals, but pausing does not stop the reads.
class ChildOutputPipe : public QObject
{
    Q_OBJECT
public:
    explicit ChildOutputPipe(QObject *parent = nullptr);
    ~ChildOutputPipe() override;

    // Starts `process` with its stdout on this pipe. An error when the pipe could not be made; a child
    // that fails to start is reported by the process itself (and the pipe ends at once).
    Status start(QProcess &process, const QString &program, const QStringList &arguments);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Stops reading for good and closes the pipe; nothing more is emitted.
    void close();

    // At most this much is read per event, so one consumer call never sees more.
    static constexpr qsizetype ChunkSize = 64 * 1024;

Q_SIGNALS:
    void received(const QByteArray &chunk);
    void ended();

private:
    void readChunk();
    void endOfFile();

    QProcess *m_process = nullptr;
    QSocketNotifier *m_notifier = nullptr;
    int m_readFd = -1;
    bool m_paused = false;
    bool m_ended = false;
    bool m_exited = false; // without our own pipe: the child exited, end of file once its output is read
};
