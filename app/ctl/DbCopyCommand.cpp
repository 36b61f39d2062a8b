// SPDX-License-Identifier: MIT
#include "DbCopyCommand.h"

#include "DbRestoreCommand.h"
#include "transfer/CopyJob.h"
#include "transfer/TransferPreflight.h"

#include <QCommandLineParser>

QString DbCopyCommand::details() const
{
    return QStringLiteral(
               "Checks first that the copy can work (size against the target plan's quota when the\n"
               "target is an app's ClearDB, server versions, the target user's privileges, binary\n"
               "logging, what the target holds) and stops on a blocker before anything is\n"
               "written. Then streams the source's dump (one consistent snapshot, definers\n"
               "removed) into the target with no temporary file. A target that is not empty is\n"
               "refused, untouched, unless --replace. After a failure or Ctrl-C the target may be\n"
               "partly loaded: run the same copy with --replace to complete it. Check the result\n"
               "with db verify.\n") +
           specHelp();
}

void DbCopyCommand::configure(QCommandLineParser &parser)
{
    parser.addOptions(
        {{QStringLiteral("from"), QStringLiteral("The database to copy."), QStringLiteral("SPEC")},
         {QStringLiteral("to"), QStringLiteral("The database to copy it into."), QStringLiteral("SPEC")},
         {QStringLiteral("replace"),
          QStringLiteral("Drop what the target holds first (else a non-empty target is refused).")}});
}

Status DbCopyCommand::prepare(const QCommandLineParser &parser)
{
    if (const Status tooMany = CommandOptions::tooManyArguments(parser, 0); !tooMany)
        return tooMany;
    m_replace = parser.isSet(QStringLiteral("replace"));
    if (const Status from = addSpec(parser, QStringLiteral("from")); !from)
        return from;
    return addSpec(parser, QStringLiteral("to"));
}

void DbCopyCommand::run(const QList<ResolvedDatabase> &databases)
{
    const ResolvedDatabase source = databases.at(0);
    const ResolvedDatabase target = databases.at(1);
    auto *check = new TransferPreflight(source.endpoint, target.endpoint, this);
    check->setReplace(m_replace);
    preflight(check, 1, QStringLiteral("copied"), [this, source, target] { copy(source, target); });
}

void DbCopyCommand::copy(const ResolvedDatabase &source, const ResolvedDatabase &target)
{
    m_job = new CopyJob(source.endpoint, target.endpoint,
                        m_replace ? CopyJob::Mode::Replace : CopyJob::Mode::RefuseNonEmpty, this);
    connect(m_job, &CopyJob::progress, this, &DbCopyCommand::reportProgress);
    connect(m_job, &CopyJob::finished, this, [this, source, target] {
        const TransferProgress &p = m_job->lastProgress();
        const QJsonObject fields{{QStringLiteral("from"), source.description},
                                 {QStringLiteral("to"), target.description},
                                 {QStringLiteral("replace"), m_replace},
                                 {QStringLiteral("bytes"), p.bytesDone},
                                 {QStringLiteral("tables"), p.tablesDone},
                                 {QStringLiteral("definersRemoved"), m_job->definersRemoved()}};
        const Status status = m_job->status();
        finish(
            status ? status : Status(DbRestoreCommand::withReplaceOption(status.error())), fields,
            QStringLiteral("Copied %1 (%2) into %3 (%4): %5 tables, %6 of SQL in %7 s; %8 definers removed.")
                .arg(source.endpoint.label(), source.description, target.endpoint.label(), target.description)
                .arg(p.tablesDone)
                .arg(bytesText(p.bytesDone))
                .arg(double(elapsedMs()) / 1000.0, 0, 'f', 1)
                .arg(m_job->definersRemoved()));
    });
    m_job->start();
}

void DbCopyCommand::cancelJob()
{
    if (m_job)
        m_job->cancel();
    else
        cancelPreflight();
}
