// SPDX-License-Identifier: MIT
#include "monitor/CanaryWorker.h"

#include "probe/ProbeResult.h"
#include "probe/SqlSession.h"

#include <QElapsedTimer>
#include <QThread>
#include <QUuid>

namespace {
// MySQL "Table doesn't exist": the CREATE TABLE has not replicated to the reader yet.
constexpr int kNoSuchTable = 1146;
// Poll often enough that the lag measured is not dominated by the polling step.
constexpr int kPollIntervalMs = 2;
} // namespace

void CanaryWorker::measure(quint64 ticket, const ProbeTarget &writer, const ProbeTarget &reader,
                           int timeoutMs)
{
    CanaryResult result;
    SqlSession writeSession;
    SqlSession readSession;
    ServerIdentity writerId;
    ServerIdentity readerId;
    const auto finish = [&](const ProbeError &error) {
        result.error = error;
        result.ok = !error.isError();
        result.writerServerId = writerId.serverId;
        result.readerServerId = readerId.serverId;
        Q_EMIT measured(ticket, result);
    };

    ProbeError error = writeSession.open(writer);
    if (!error.isError())
        error = writeSession.identify(&writerId);
    if (!error.isError())
        error = readSession.open(reader);
    if (!error.isError())
        error = readSession.identify(&readerId);
    if (error.isError())
        return finish(error);

    // Only this table, only our own row: the canary must never touch the user's data.
    error = writeSession.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS cleardb_console_canary ("
                                             "id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                                             "token CHAR(32) NOT NULL, written_at DATETIME(6) NOT NULL, "
                                             "UNIQUE KEY token (token)) ENGINE=InnoDB"));
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    if (!error.isError())
        error = writeSession.exec(
            QStringLiteral("INSERT INTO cleardb_console_canary (token, written_at) VALUES (?, NOW(6))"),
            {token});
    if (error.isError())
        return finish(error);

    // Autocommit: the INSERT has committed on the writer when exec() returns; the clock starts here.
    QElapsedTimer lag;
    lag.start();
    bool seen = false;
    while (!seen && lag.elapsed() < timeoutMs) {
        QVariantList row;
        error = readSession.exec(QStringLiteral("SELECT 1 FROM cleardb_console_canary WHERE token = ?"),
                                 {token}, &row);
        if (error.isError() && error.code != kNoSuchTable)
            break;
        error = ProbeError();
        seen = !row.isEmpty();
        if (!seen)
            QThread::msleep(kPollIntervalMs);
    }
    if (seen)
        result.lagMs = lag.nsecsElapsed() / 1e6;
    else if (!error.isError())
        error = ProbeError::make(ProbeStage::Query, ProbeError::Kind::Timeout,
                                 QStringLiteral("the canary row did not reach the other master within %1 ms; "
                                                "replication is stopped or far behind")
                                     .arg(timeoutMs));
    // Remove our row (the DELETE replicates too); the table itself stays for the next measurement.
    const ProbeError cleanup =
        writeSession.exec(QStringLiteral("DELETE FROM cleardb_console_canary WHERE token = ?"), {token});
    finish(error.isError() ? error : cleanup);
}
