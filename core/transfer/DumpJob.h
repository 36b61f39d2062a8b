// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/ClientProcess.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/DefinerFilter.h"
#include "transfer/TransferProgress.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QProcess>

#include <memory>

class ClientOptionFile;
class ClientQuery;
class DumpFileWriter;

// Dumps one database to a file with mariadb-dump (options and why: MariaDbTools.h), streaming its
// output through a DefinerFilter into a DumpFileWriter (gzip for ".gz"), so the file loads as any
// unprivileged user and memory stays flat. It only reads the source: a consistent snapshot, no locks.
//
//     auto *job = new DumpJob(source, QStringLiteral("backup.sql.gz"), this);
//     connect(job, &DumpJob::progress, bar, …);
//     connect(job, &DumpJob::finished, this, [=] { report(job->status()); });
//     job->start();                                  // job->cancel() at any time
//
// First it asks information_schema for the tables and their estimated sizes (which also checks the
// login before any file is created); then it dumps. The file appears under its name only when the
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
    bool isRunning() const { return m_started && !m_finished; }
    const Status &status() const { return m_status; }
    const TransferProgress &lastProgress() const { return m_progress; }
    qint64 definersRemoved() const { return m_filter.definersRemoved(); }
    // The dump program's arguments (for tests: never a password among them).
    QStringList dumpArguments() const { return m_process.arguments(); }
    qint64 dumpProcessId() const { return m_process.processId(); }

Q_SIGNALS:
    void progress(const TransferProgress &progress);
    void finished();

private:
    void estimated();
    void startDump();
    void consume(const QByteArray &chunk);
    void dumpExited(int code, QProcess::ExitStatus exitStatus);
    void finish(const Status &status);
    void noteTables(const QByteArray &filtered);

    DatabaseEndpoint m_source;
    QString m_outputPath;
    ClientQuery *m_estimate = nullptr;
    std::unique_ptr<ClientOptionFile> m_optionFile;
    std::unique_ptr<DumpFileWriter> m_writer;
    ClientProcess m_process{QStringLiteral("mariadb-dump")};
    DefinerFilter m_filter;
    QByteArray m_filtered;
    QByteArray m_tail; // the end of the previous chunk, for table markers cut in two
    QHash<QString, qint64> m_tableRows;
    TransferProgress m_progress;
    QElapsedTimer m_sinceProgress;
    Status m_status;
    Status m_writeError;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};
