// SPDX-License-Identifier: MIT
#include "DbVerifyCommand.h"

#include "transfer/verify/DatabaseVerifier.h"

#include <QCommandLineParser>
#include <QJsonArray>

QString DbVerifyCommand::details() const
{
    return QStringLiteral("Compares tables, columns, indexes, foreign keys, views, triggers and routines\n"
                          "(definers ignored) and every table's rows. Exit 0: identical; 1: they differ\n"
                          "(each difference on its own line) or could not be compared. Read-only.\n") +
           specHelp();
}

void DbVerifyCommand::configure(QCommandLineParser &parser)
{
    parser.addOptions(
        {{QStringLiteral("from"), QStringLiteral("The source database."), QStringLiteral("SPEC")},
         {QStringLiteral("to"), QStringLiteral("The database to compare with it."), QStringLiteral("SPEC")}});
}

Status DbVerifyCommand::prepare(const QCommandLineParser &parser)
{
    if (const Status tooMany = CommandOptions::tooManyArguments(parser, 0); !tooMany)
        return tooMany;
    if (const Status from = addSpec(parser, QStringLiteral("from")); !from)
        return from;
    return addSpec(parser, QStringLiteral("to"));
}

void DbVerifyCommand::run(const QList<ResolvedDatabase> &databases)
{
    m_verifier = new DatabaseVerifier(this);
    connect(m_verifier, &DatabaseVerifier::progressed, this,
            [this](const QString &table, int done, int total) {
                TransferProgress progress;
                progress.tablesDone = done;
                progress.tablesTotal = total;
                progress.currentTable = table;
                reportProgress(progress);
            });
    connect(m_verifier, &DatabaseVerifier::finished, this,
            [this, databases](const VerifyOutcome &outcome) { onFinished(outcome, databases); });
    m_verifier->start(databases.at(0).probeTarget(), databases.at(1).probeTarget());
}

void DbVerifyCommand::onFinished(const VerifyOutcome &outcome, const QList<ResolvedDatabase> &databases)
{
    const QString from = databases.at(0).endpoint.label();
    const QString to = databases.at(1).endpoint.label();
    QJsonObject fields{{QStringLiteral("from"), databases.at(0).description},
                       {QStringLiteral("to"), databases.at(1).description}};
    if (!outcome.ok())
        return finish(outcome.outcome, fields, {});
    const VerifyReport &report = outcome.report;
    QJsonArray differences;
    QStringList objects;
    for (const VerifyDifference &difference : report.differences) {
        differences.append(QJsonObject{{QStringLiteral("kind"), VerifyDifference::kindName(difference.kind)},
                                       {QStringLiteral("object"), difference.object},
                                       {QStringLiteral("detail"), difference.detail}});
        if (!objects.contains(difference.object))
            objects << difference.object;
    }
    fields.insert(QStringLiteral("identical"), report.identical());
    fields.insert(QStringLiteral("differences"), differences);
    fields.insert(QStringLiteral("objectsCompared"), report.objectsCompared);
    fields.insert(QStringLiteral("tables"), report.tablesDigested);
    fields.insert(QStringLiteral("rows"), report.sourceRows);
    if (report.identical())
        return finish(
            {}, fields,
            QStringLiteral("Identical: %1 and %2 (%3 objects, %4 tables, %5 rows compared in %6 s).")
                .arg(from, to)
                .arg(report.objectsCompared)
                .arg(report.tablesDigested)
                .arg(report.sourceRows)
                .arg(double(elapsedMs()) / 1000.0, 0, 'f', 1));
    if (!json()) {
        for (const QString &line : report.lines())
            out().line(line);
    }
    finish(makeError(Error::Kind::Conflict, QStringLiteral("%1 differs from %2 in %3 object(s): %4")
                                                .arg(to, from)
                                                .arg(objects.size())
                                                .arg(objects.join(QStringLiteral(", ")))),
           fields, {});
}

void DbVerifyCommand::cancelJob()
{
    if (m_verifier)
        m_verifier->cancel();
}
