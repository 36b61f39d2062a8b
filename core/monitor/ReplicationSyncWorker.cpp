// SPDX-License-Identifier: MIT
#include "monitor/ReplicationSyncWorker.h"

#include "probe/ProbeResult.h"
#include "probe/SqlSession.h"

#include <QStringList>

QString ReplicationSyncWorker::positionsOfDomain(const QString &positions, qint64 domain)
{
    QStringList kept;
    const QStringList gtids = positions.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &gtid : gtids) {
        const QString trimmed = gtid.trimmed();
        if (trimmed.section(QLatin1Char('-'), 0, 0).toLongLong() == domain)
            kept << trimmed;
    }
    return kept.join(QLatin1Char(','));
}

QString ReplicationSyncWorker::replicationTrouble(const QStringList &columns, const QVariantList &row)
{
    const auto field = [&](const char *name) {
        return row.value(columns.indexOf(QLatin1String(name))).toString().simplified();
    };
    const auto error = [&](const char *name) {
        QString text = field(name);
        // "Error '…' on query. Default database: 'db'. Query: '<the statement>'": the statement may carry
        // the user's data; the error before it says what failed.
        const qsizetype query = text.indexOf(QLatin1String(" Query: "));
        if (query >= 0)
            text.truncate(query);
        if (text.size() > 240)
            text = text.left(240) + QChar(0x2026);
        return text;
    };
    QStringList trouble;
    if (field("Slave_SQL_Running") != QLatin1String("Yes"))
        trouble << (field("Last_SQL_Error").isEmpty()
                        ? QStringLiteral("its SQL thread is stopped")
                        : QStringLiteral("its SQL thread stopped: ") + error("Last_SQL_Error"));
    if (field("Slave_IO_Running") != QLatin1String("Yes") && !field("Last_IO_Error").isEmpty())
        trouble << QStringLiteral("its I/O thread reports: ") + error("Last_IO_Error");
    return trouble.join(QStringLiteral("; "));
}

void ReplicationSyncWorker::waitForSync(quint64 ticket, const ProbeTarget &first, const ProbeTarget &second,
                                        int timeoutMs)
{
    SqlSession sessions[2];
    ServerIdentity ids[2];
    ProbeError error = sessions[0].open(first);
    if (!error.isError())
        error = sessions[0].identify(&ids[0]);
    if (!error.isError())
        error = sessions[1].open(second);
    if (!error.isError())
        error = sessions[1].identify(&ids[1]);
    // MASTER_GTID_WAIT takes seconds; round up so a short budget still waits a little.
    const double seconds = qMax(1, (timeoutMs + 999) / 1000);
    for (int source = 0; source < 2 && !error.isError(); ++source) {
        const int replica = 1 - source;
        QVariantList row;
        error = sessions[source].exec(QStringLiteral("SELECT @@gtid_binlog_pos"), {}, &row);
        if (error.isError())
            break;
        // A master's binlog also lists domains it merely relayed; the replica waits for the source's own.
        const QString wanted = positionsOfDomain(row.value(0).toString(), ids[source].serverId);
        if (wanted.isEmpty())
            continue; // nothing was ever written there: nothing to catch up with
        row.clear();
        error =
            sessions[replica].exec(QStringLiteral("SELECT MASTER_GTID_WAIT(?, ?)"), {wanted, seconds}, &row);
        if (error.isError() || row.value(0).toInt() == 0)
            continue;
        QList<QVariantList> status;
        QString trouble;
        if (!sessions[replica].select(QStringLiteral("SHOW SLAVE STATUS"), {}, &status).isError())
            trouble = status.isEmpty() ? QStringLiteral("it has no replication configured")
                                       : replicationTrouble(sessions[replica].columns(), status.first());
        error = ProbeError::make(
            ProbeStage::Query, ProbeError::Kind::Timeout,
            QStringLiteral("server %1 did not apply server %2's writes (%3) within %4 s; %5")
                .arg(ids[replica].serverId)
                .arg(ids[source].serverId)
                .arg(wanted)
                .arg(seconds)
                .arg(trouble.isEmpty() ? QStringLiteral("check SHOW SLAVE STATUS there") : trouble));
    }
    Q_EMIT synced(ticket, error);
}
