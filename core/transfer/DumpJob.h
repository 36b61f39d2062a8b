// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/DumpStream.h"
#include "transfer/TransferProgress.h"

#include <QObject>

#include <memory>

class DumpFileWriter;

// Dumps one database to a file with mariadb-dump (options and why: MariaDbTools.h), streaming its
// output through a DefinerFilter (DumpStream) into a DumpFileWriter (gzip for ".gz"), so the file loads
// as any unprivileged user and memory stays flat. It only reads the source: a consistent snapshot, no locks.
//
//     auto *job = new DumpJob(source, QStringLiteral("backup.sql.gz"), this);
//     connect(job, &DumpJob::progress, bar, …);
//     connect(job, &DumpJob::finished, this, [=] { report(job->status()); });
//     job->start();                                  // job->cancel() at any time
//
// First it asks information_schema for the tables and their estimated sizes (which also checks the
// login before any file exists); then it dumps. The file appears under its name only when the
// dump completed; on failure or cancel nothing is left behind. Errors are one line, never with the
// password (mariadb-dump's stderr goes through ChildErrorText).
//
// Limitation: mariadb-dump writes generated columns' values in its INSERTs (no option leaves them
// out); MariaDB ignores them on load, MySQL 5.7/8.0 refuses them (ERROR 3105).
class DumpJob : public QObject
{
    Q_OBJECT
public:
    DumpJob(const DatabaseEndpoint &source, const QString &outputPath, QObject *parent = nullptr);
    ~DumpJob() override;

    void start();
    void cancel();
    // True until finished() went out, so whoever polls it finds the outcome reported once it is false.
    bool isRunning() const { return m_started && !m_reported; }
    const Status &status() const { return m_status; }
    const TransferProgress &lastProgress() const { return m_stream.progress(); }
    qint64 definersRemoved() const { return m_stream.definersRemoved(); }
    // The dump program's arguments (for tests: never a password among them).
    QStringList dumpArguments() const { return m_stream.arguments(); }
    qint64 dumpProcessId() const { return m_stream.processId(); }

Q_SIGNALS:
    void progress(const TransferProgress &progress);
    void finished();

private:
    void prepared(const Status &status);
    void write(const QByteArray &sql);
    void dumped(const Status &status);
    void finish(const Status &status);

    DatabaseEndpoint m_source;
    QString m_outputPath;
    DumpStream m_stream;
    std::unique_ptr<DumpFileWriter> m_writer;
    Status m_status;
    Status m_writeError;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false; // the outcome is decided
    bool m_reported = false; // and finished() went out
};
