// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/DumpStream.h"
#include "transfer/TargetLoader.h"
#include "transfer/TransferProgress.h"

#include <QObject>

// Copies one database into another, server to server, with no temporary file: mariadb-dump of the
// source (DumpStream: a consistent snapshot, definers stripped) streamed into `mariadb --sandbox` on the
// target (TargetLoader), each logged in through its own 0600 option file, never a password in argv.
//
//     auto *job = new CopyJob(source, target, CopyJob::Mode::RefuseNonEmpty, this);
//     connect(job, &CopyJob::progress, bar, …);      // SQL bytes against the estimate, tables, ≤ 10/s
//     connect(job, &CopyJob::finished, this, [=] { report(job->status()); });
//     job->start();                                   // job->cancel() at any time
//
// Order: the source's login and size estimate first, then the target's login and contents, and only
// then the copy, so a wrong source password or a non-empty target (without Mode::Replace) fails with
// the target untouched. Once loading began, a failure or cancel says the target is partly loaded and
// that running the copy again with Replace completes it. Errors are one line, never with a password.
//
// Memory is bounded whatever the size: when the target client has more than BufferLimit bytes not yet
// read, the dump's output is no longer read at all (ChildOutputPipe), so mariadb-dump blocks until the
// target catches up. peakBufferedBytes() reports the most ever held.
//
// Verification is separate (DatabaseVerifier), and the source is only read.
class CopyJob : public QObject
{
    Q_OBJECT
public:
    using Mode = TargetLoader::Mode;

    // What may wait for the target client before the dump is held back; resumes below half of it.
    static constexpr qint64 BufferLimit = 1024 * 1024;

    CopyJob(const DatabaseEndpoint &source, const DatabaseEndpoint &target, Mode mode,
            QObject *parent = nullptr);
    ~CopyJob() override;

    void start();
    void cancel();
    // True until finished() went out, so whoever polls it finds the outcome reported once it is false.
    bool isRunning() const { return m_started && !m_reported; }
    const Status &status() const { return m_status; }
    const TransferProgress &lastProgress() const { return m_stream.progress(); }
    qint64 definersRemoved() const { return m_stream.definersRemoved(); }
    // The most SQL ever held for the target client at once (at most BufferLimit plus one read).
    qint64 peakBufferedBytes() const { return m_peakBuffered; }
    // How often the dump was held back because the target was slower.
    int pauses() const { return m_pauses; }
    // For tests: the children's arguments and ids (never a password among the arguments).
    QStringList dumpArguments() const { return m_stream.arguments(); }
    QStringList clientArguments() const { return m_loader.arguments(); }
    qint64 dumpProcessId() const { return m_stream.processId(); }
    qint64 clientProcessId() const { return m_loader.processId(); }

Q_SIGNALS:
    void progress(const TransferProgress &progress);
    void finished();

private:
    // Before loading, a cancel or a failed check ends the job with the target unchanged.
    bool stoppedBeforeLoading(const Status &status);
    void sourceChecked(const Status &status);
    void targetChecked(const Status &status);
    void forward(const QByteArray &sql);
    void targetRead();
    void dumped(const Status &status);
    void loaded(const Status &status);
    void fail(const Error &error);
    void settle();
    void finish(const Status &status);

    DatabaseEndpoint m_source;
    DatabaseEndpoint m_target;
    DumpStream m_stream;
    TargetLoader m_loader;
    Status m_status;
    Status m_failure; // the first thing that went wrong once copying began
    qint64 m_peakBuffered = 0;
    int m_pauses = 0;
    bool m_dumpDone = false;
    bool m_loadDone = false;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false; // the outcome is decided
    bool m_reported = false; // and finished() went out
};
