// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/ChildOutputPipe.h"
#include "transfer/ClientProcess.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/DefinerFilter.h"
#include "transfer/TransferProgress.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <memory>

class ClientOptionFile;
class ClientQuery;

// The source side of a dump or a copy: mariadb-dump of one database (options and why: MariaDbTools.h)
// through a DefinerFilter, handed on in chunks, with progress from the dump's table markers against
// information_schema's estimate. DumpJob writes the chunks to a file, CopyJob into another server.
//
//     DumpStream stream(source);
//     connect(&stream, &DumpStream::prepared, …);        // the estimate is read: the login works
//     connect(&stream, &DumpStream::chunk, …);           // filtered SQL, in order
//     connect(&stream, &DumpStream::finished, …);        // after the last chunk: how the dump ended
//     stream.prepare();  … stream.start();               // setPaused() holds the dump back meanwhile
//
// Reading pauses for real (ChildOutputPipe): a paused stream leaves mariadb-dump blocked in write(),
// so a slow consumer never makes our memory grow. It only reads the source.
class DumpStream : public QObject
{
    Q_OBJECT
public:
    explicit DumpStream(const DatabaseEndpoint &source, QObject *parent = nullptr);
    ~DumpStream() override;

    // Reads the tables and their estimated sizes from information_schema, which also checks the login
    // before anything else happens; then prepared().
    void prepare();
    // Starts mariadb-dump (after a successful prepared()).
    void start();
    void setPaused(bool paused) { m_pipe.setPaused(paused); }
    bool isPaused() const { return m_pipe.isPaused(); }
    // Stops the estimate or kills the dump; prepared() or finished() then report a Cancelled error.
    void cancel();

    bool isDumping() const { return m_dumping; }
    const TransferProgress &progress() const { return m_progress; }
    qint64 definersRemoved() const { return m_filter.definersRemoved(); }
    QStringList arguments() const { return m_process.arguments(); }
    qint64 processId() const { return m_process.processId(); }

Q_SIGNALS:
    void prepared(const Status &status);
    void chunk(const QByteArray &sql);
    // At most ten a second, and once more with the final figures before a successful finished().
    void progressed(const TransferProgress &progress);
    void finished(const Status &status);

private:
    void estimated();
    void received(const QByteArray &raw);
    void noteTables(const QByteArray &filtered);
    void maybeFinish();
    void finish(const Status &status);

    DatabaseEndpoint m_source;
    ClientQuery *m_estimate = nullptr;
    std::unique_ptr<ClientOptionFile> m_optionFile;
    ClientProcess m_process{QStringLiteral("mariadb-dump")};
    ChildOutputPipe m_pipe;
    DefinerFilter m_filter;
    QByteArray m_tail; // the end of the previous chunk, for table markers cut in two
    QHash<QString, qint64> m_tableRows;
    TransferProgress m_progress;
    QElapsedTimer m_sinceProgress;
    Status m_exitStatus;
    bool m_dumping = false;
    bool m_exited = false;
    bool m_outputEnded = false;
    bool m_cancelled = false;
    bool m_finished = false;
};
