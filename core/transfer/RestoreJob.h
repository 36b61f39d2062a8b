// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/DefinerFilter.h"
#include "transfer/TargetLoader.h"
#include "transfer/TransferProgress.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class DumpFileReader;

// Loads a dump file (ours, or a stock mariadb-dump/mysqldump file; plain or gzip) into a target
// database through `mariadb --sandbox` (TargetLoader), with the input streamed through a DefinerFilter,
// so an unprivileged target user can load views, triggers and routines defined by root elsewhere.
// Memory stays flat: the input is read in chunks only as fast as the client takes them.
//
//     auto *job = new RestoreJob(QStringLiteral("backup.sql.gz"), target, RestoreJob::Mode::RefuseNonEmpty);
//     connect(job, &RestoreJob::finished, this, [=] { report(job->status()); });
//     job->start();
//
// Before loading it reads what the target holds. A target with tables, views, routines or events is
// refused, untouched, unless Mode::Replace: then those objects are dropped in the same session, first.
// A failure or cancel after loading began says so: the target is then partly loaded, and running the
// restore again with Replace completes it.
class RestoreJob : public QObject
{
    Q_OBJECT
public:
    using Mode = TargetLoader::Mode;

    RestoreJob(const QString &inputPath, const DatabaseEndpoint &target, Mode mode,
               QObject *parent = nullptr);
    ~RestoreJob() override;

    void start();
    void cancel();
    const Status &status() const { return m_status; }
    const TransferProgress &lastProgress() const { return m_progress; }
    QStringList clientArguments() const { return m_loader.arguments(); }
    qint64 clientProcessId() const { return m_loader.processId(); }

Q_SIGNALS:
    void progress(const TransferProgress &progress);
    void finished();

private:
    void inspected(const Status &status);
    void pump();
    void loaded(const Status &status);
    void finish(const Status &status);

    QString m_inputPath;
    DatabaseEndpoint m_target;
    TargetLoader m_loader;
    std::unique_ptr<DumpFileReader> m_reader;
    DefinerFilter m_filter;
    TransferProgress m_progress;
    QElapsedTimer m_sinceProgress;
    Status m_status;
    Status m_readError;
    bool m_inputDone = false;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};
