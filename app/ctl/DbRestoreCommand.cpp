// SPDX-License-Identifier: MIT
#include "DbRestoreCommand.h"

#include "transfer/DumpFileReader.h"
#include "transfer/RestoreJob.h"
#include "transfer/TransferPreflight.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

QString DbRestoreCommand::details() const
{
    return QStringLiteral(
               "FILE is one of our dumps or a stock mariadb-dump/mysqldump file, plain or .gz.\n"
               "Checks the target first (the file's size against its plan's quota when it is an\n"
               "app's ClearDB, the target user's privileges, binary logging, what it holds) and\n"
               "stops on a blocker before anything is written. A target that is not empty is refused, "
               "untouched, unless --replace (which drops\n"
               "its tables, views and routines first). After a failure or Ctrl-C the target may be\n"
               "partly loaded: run the same restore with --replace to complete it.\n") +
           specHelp();
}

void DbRestoreCommand::configure(QCommandLineParser &parser)
{
    parser.addOptions(
        {{{QStringLiteral("i"), QStringLiteral("input")},
          QStringLiteral("The dump file to load."),
          QStringLiteral("FILE")},
         {QStringLiteral("to"), QStringLiteral("The database to load it into."), QStringLiteral("SPEC")},
         {QStringLiteral("replace"),
          QStringLiteral("Drop what the target holds first (else a non-empty target is refused).")}});
}

Status DbRestoreCommand::prepare(const QCommandLineParser &parser)
{
    if (const Status tooMany = CommandOptions::tooManyArguments(parser, 0); !tooMany)
        return tooMany;
    m_input = parser.value(QStringLiteral("input"));
    if (m_input.isEmpty())
        return usage(QStringLiteral("--input FILE is required"));
    m_replace = parser.isSet(QStringLiteral("replace"));
    return addSpec(parser, QStringLiteral("to"));
}

Error DbRestoreCommand::withReplaceOption(Error error)
{
    error.message.replace(QStringLiteral("again with replace"), QStringLiteral("again with --replace"));
    return error;
}

void DbRestoreCommand::run(const QList<ResolvedDatabase> &databases)
{
    const ResolvedDatabase &target = databases.at(0);
    if (!QFileInfo(m_input).isFile())
        return finish(
            makeError(Error::Kind::NotFound,
                      QStringLiteral("%1 is not a readable file: give the dump to load with --input")
                          .arg(QDir::toNativeSeparators(m_input))),
            {}, {});
    auto *check = new TransferPreflight(DatabaseEndpoint(), target.endpoint, this);
    check->setSourceDump(DumpFileReader::estimatedSqlBytes(m_input));
    check->setReplace(m_replace);
    preflight(check, 0, QStringLiteral("restored"), [this, target] { restore(target); });
}

void DbRestoreCommand::restore(const ResolvedDatabase &target)
{
    m_job = new RestoreJob(m_input, target.endpoint,
                           m_replace ? RestoreJob::Mode::Replace : RestoreJob::Mode::RefuseNonEmpty, this);
    connect(m_job, &RestoreJob::progress, this, &DbRestoreCommand::reportProgress);
    connect(m_job, &RestoreJob::finished, this, [this, target] {
        const TransferProgress &p = m_job->lastProgress();
        const QJsonObject fields{{QStringLiteral("to"), target.description},
                                 {QStringLiteral("database"), target.endpoint.label()},
                                 {QStringLiteral("input"), QDir::toNativeSeparators(m_input)},
                                 {QStringLiteral("replace"), m_replace},
                                 {QStringLiteral("bytes"), p.bytesDone}};
        const Status status = m_job->status();
        finish(status ? status : Status(withReplaceOption(status.error())), fields,
               QStringLiteral("Restored %1 into %2 (%3): %4 read in %5 s.")
                   .arg(QDir::toNativeSeparators(m_input), target.endpoint.label(), target.description,
                        bytesText(p.bytesDone))
                   .arg(double(elapsedMs()) / 1000.0, 0, 'f', 1));
    });
    m_job->start();
}

void DbRestoreCommand::cancelJob()
{
    if (m_job)
        m_job->cancel();
    else
        cancelPreflight();
}
