// SPDX-License-Identifier: MIT
#pragma once
// Test-only helpers shared by the copy tests: the two unprivileged users (one on the pair, one on the
// separate dedicated server), DatabaseVerifier run to its end, and an error's line for a failure message.
#include "TransferTestDb.h"
#include "transfer/verify/DatabaseVerifier.h"

#include <QSignalSpy>
#include <QtTest>

namespace CopyTestSupport {

inline QString errorLine(const Status &status)
{
    return status ? QStringLiteral("ok") : status.error().oneLine();
}

// Creates `databases` on one server with `user` granted ALL on each and nothing else.
inline void createUserWithDatabases(const DatabaseEndpoint &adminEndpoint, const char *user,
                                    const QString &password, const QList<QByteArray> &databases)
{
    using namespace TransferTestDb;
    QByteArray setup = QByteArray("DROP USER IF EXISTS ") + user + "@'%'; CREATE USER " + user +
                       "@'%' IDENTIFIED BY " + sqlString(password) + ";\n";
    for (const QByteArray &db : databases)
        setup += "DROP DATABASE IF EXISTS " + db + "; CREATE DATABASE " + db + "; GRANT ALL ON " + db +
                 ".* TO " + user + "@'%';\n";
    const SqlRun run = sql(adminEndpoint, setup);
    QVERIFY2(run.exitCode == 0, run.err.constData());
}

// "identical" or the verifier's lines / error.
inline QString verify(const ProbeTarget &source, const ProbeTarget &target)
{
    DatabaseVerifier verifier;
    QSignalSpy finished(&verifier, &DatabaseVerifier::finished);
    if (!verifier.start(source, target))
        return QStringLiteral("did not start");
    if (!finished.wait(30000))
        return QStringLiteral("no answer");
    const VerifyOutcome outcome = finished.takeFirst().at(0).value<VerifyOutcome>();
    if (!outcome.ok())
        return outcome.outcome.error().oneLine();
    if (outcome.report.tablesDigested == 0)
        return QStringLiteral("nothing compared");
    return outcome.report.identical() ? QStringLiteral("identical")
                                      : outcome.report.lines().join(QStringLiteral(" | "));
}

} // namespace CopyTestSupport
