// SPDX-License-Identifier: MIT
#include "DbDumpCommand.h"

#include "transfer/DumpJob.h"

#include <QCommandLineParser>
#include <QDir>

QString DbDumpCommand::details() const
{
    return QStringLiteral(
               "The file loads with the stock mariadb client as an unprivileged user (definers are\n"
               "removed). The source is only read, in one consistent snapshot.\n") +
           specHelp();
}

void DbDumpCommand::configure(QCommandLineParser &parser)
{
    parser.addOptions(
        {{QStringLiteral("from"), QStringLiteral("The database to dump."), QStringLiteral("SPEC")},
         {{QStringLiteral("o"), QStringLiteral("output")},
          QStringLiteral("The file to write; gzip-compressed when it ends in .gz."),
          QStringLiteral("FILE")}});
}

Status DbDumpCommand::prepare(const QCommandLineParser &parser)
{
    if (const Status tooMany = CommandOptions::tooManyArguments(parser, 0); !tooMany)
        return tooMany;
    m_output = parser.value(QStringLiteral("output"));
    if (m_output.isEmpty())
        return usage(QStringLiteral("--output FILE is required"));
    return addSpec(parser, QStringLiteral("from"));
}

void DbDumpCommand::run(const QList<ResolvedDatabase> &databases)
{
    const ResolvedDatabase &source = databases.at(0);
    m_job = new DumpJob(source.endpoint, m_output, this);
    connect(m_job, &DumpJob::progress, this, &DbDumpCommand::reportProgress);
    connect(m_job, &DumpJob::finished, this, [this, source] {
        const TransferProgress &p = m_job->lastProgress();
        const QJsonObject fields{{QStringLiteral("from"), source.description},
                                 {QStringLiteral("database"), source.endpoint.label()},
                                 {QStringLiteral("output"), QDir::toNativeSeparators(m_output)},
                                 {QStringLiteral("bytes"), p.bytesDone},
                                 {QStringLiteral("tables"), p.tablesDone},
                                 {QStringLiteral("definersRemoved"), m_job->definersRemoved()}};
        finish(m_job->status(), fields,
               QStringLiteral("Dumped %1 (%2) to %3: %4 tables, %5 of SQL in %6 s; %7 definers removed.")
                   .arg(source.endpoint.label(), source.description, QDir::toNativeSeparators(m_output))
                   .arg(p.tablesDone)
                   .arg(bytesText(p.bytesDone))
                   .arg(double(elapsedMs()) / 1000.0, 0, 'f', 1)
                   .arg(m_job->definersRemoved()));
    });
    m_job->start();
}

void DbDumpCommand::cancelJob()
{
    if (m_job)
        m_job->cancel();
}
