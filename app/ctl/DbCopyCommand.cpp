// SPDX-License-Identifier: MIT
#include "DbCopyCommand.h"

#include "DbRestoreCommand.h"
#include "transfer/CopyJob.h"
#include "transfer/PlanQuotaLookup.h"
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
    // First the target plan's quota (an app's ClearDB), for the pre-flight's size check.
    m_quota = new PlanQuotaLookup(client(), this);
    connect(m_quota, &PlanQuotaLookup::found, this, [this, databases](qint64 quotaBytes) {
        checkFirst(databases.at(0), databases.at(1), quotaBytes);
    });
    m_quota->lookUp(specAt(1));
}

void DbCopyCommand::checkFirst(const ResolvedDatabase &source, const ResolvedDatabase &target,
                               qint64 quotaBytes)
{
    if (!m_quota->reason().isEmpty())
        out().warning(QStringLiteral("the target's quota is not known: ") + m_quota->reason());
    m_preflight = new TransferPreflight(source.endpoint, target.endpoint, this);
    m_preflight->setReplace(m_replace);
    m_preflight->setTargetQuotaBytes(quotaBytes);
    connect(m_preflight, &TransferPreflight::finished, this,
            [this, source, target] { preflighted(source, target); });
    m_preflight->start();
}

void DbCopyCommand::preflighted(const ResolvedDatabase &source, const ResolvedDatabase &target)
{
    if (const Status status = m_preflight->status(); !status)
        return finish(status, {}, {});
    reportFindings(m_preflight->findings());
    if (!m_preflight->hasBlocker())
        return copy(source, target);
    QStringList blockers;
    for (const PreflightFinding &finding : m_preflight->findings()) {
        if (finding.severity == PreflightFinding::Severity::Blocker)
            blockers << finding.line;
    }
    finish(
        makeError(Error::Kind::Conflict, blockers.join(QLatin1Char(' ')) +
                                             QStringLiteral(" Nothing was copied; the target is untouched.")),
        {{QStringLiteral("from"), source.description}, {QStringLiteral("to"), target.description}}, {});
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
        return m_job->cancel();
    if (m_preflight)
        return m_preflight->cancel();
    // Still asking the API for the target's plan: nothing has touched either database.
    m_quota->cancel();
    finish(makeError(Error::Kind::Cancelled,
                     QStringLiteral("Copy cancelled before it began; the target is untouched.")),
           {}, {});
}
