// SPDX-License-Identifier: MIT
#include "../sandbox/SandboxTestEnv.h"
#include "monitor/FailoverDrill.h"
#include "monitor/ReplicationSyncWorker.h"

#include <QSignalSpy>
#include <QtTest>

// FailoverDrill against the fixture pair: failover then failback with their detection times, and the drill
// only reports success once the restarted primary holds what was written on the secondary meanwhile.
class TestFailoverDrill : public QObject
{
    Q_OBJECT
    using Endpoint = SandboxStatus::Endpoint;
    const QString m_db = QStringLiteral("heroku_drill%1").arg(QCoreApplication::applicationPid());

private Q_SLOTS:
    void positionsOfDomainKeepsOnlyThatDomain()
    {
        QCOMPARE(ReplicationSyncWorker::positionsOfDomain(QStringLiteral("1-1-40,2-2-17"), 2),
                 QStringLiteral("2-2-17"));
        QCOMPARE(ReplicationSyncWorker::positionsOfDomain(QStringLiteral("1-1-40"), 2), QString());
        QCOMPARE(ReplicationSyncWorker::positionsOfDomain(QString(), 1), QString());
        QCOMPARE(ReplicationSyncWorker::positionsOfDomain(QStringLiteral(" 12-1-3 ,1-1-9"), 1),
                 QStringLiteral("1-1-9"));
    }

    // A replica whose replication stopped is named with the reason, not left to SHOW SLAVE STATUS.
    void resyncTimeoutSaysWhyTheReplicaIsBehind()
    {
        const SandboxStatus status = SandboxTestEnv::status();
        QVERIFY(status.isRunning());
        SandboxTestEnv::adminExec(status, Endpoint::Secondary, {QStringLiteral("STOP SLAVE SQL_THREAD")});
        SandboxTestEnv::adminExec(
            status, Endpoint::Primary,
            {QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(m_db),
             QStringLiteral("CREATE TABLE IF NOT EXISTS %1.behind (id INT)").arg(m_db)});
        ReplicationSyncWorker worker;
        QSignalSpy synced(&worker, &ReplicationSyncWorker::synced);
        worker.waitForSync(7, SandboxTestEnv::admin(status, Endpoint::Primary),
                           SandboxTestEnv::admin(status, Endpoint::Secondary), 1000);
        SandboxTestEnv::adminExec(status, Endpoint::Secondary, {QStringLiteral("START SLAVE SQL_THREAD")});
        QCOMPARE(synced.count(), 1);
        const ProbeError error = synced.first().at(1).value<ProbeError>();
        QVERIFY(error.isError());
        QVERIFY2(error.toString().contains(QStringLiteral("did not apply server 1's writes")) &&
                     error.toString().contains(QStringLiteral("its SQL thread is stopped")),
                 qPrintable(error.toString()));

        const QStringList columns{QStringLiteral("Slave_IO_Running"), QStringLiteral("Slave_SQL_Running"),
                                  QStringLiteral("Last_IO_Error"), QStringLiteral("Last_SQL_Error")};
        const QString failed = ReplicationSyncWorker::replicationTrouble(
            columns,
            {QStringLiteral("Yes"), QStringLiteral("No"), QString(),
             QStringLiteral("Error 'Query execution was interrupted' on query. Default database: 'x'. "
                            "Query: 'INSERT INTO t VALUES (\\'private\\')'")});
        QVERIFY2(failed.startsWith(
                     QStringLiteral("its SQL thread stopped: Error 'Query execution was interrupted'")),
                 qPrintable(failed));
        QVERIFY(!failed.contains(QStringLiteral("private")));
        QCOMPARE(ReplicationSyncWorker::replicationTrouble(
                     columns, {QStringLiteral("Yes"), QStringLiteral("Yes"), QString(), QString()}),
                 QString());
    }

    void notRunningSandboxFailsWithAHint()
    {
        QTemporaryDir empty;
        SandboxCluster cluster(SandboxTestEnv::script(), empty.path());
        FailoverDrill drill(&cluster);
        QSignalSpy finished(&drill, &FailoverDrill::finished);
        drill.start();
        QVERIFY(finished.wait(30000));
        const DrillResult r = finished.first().at(0).value<DrillResult>();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("sandbox start")),
                 qPrintable(r.error().oneLine()));
        QCOMPARE(r.killedAtMs, 0);
    }

    void drillSeesFailoverFailbackAndResync()
    {
        SandboxStatus status = SandboxTestEnv::status();
        QVERIFY2(status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        SandboxTestEnv::adminExec(
            status, Endpoint::Primary,
            {QStringLiteral("CREATE DATABASE IF NOT EXISTS %1").arg(m_db),
             QStringLiteral("CREATE TABLE IF NOT EXISTS %1.orders (id INT PRIMARY KEY)").arg(m_db)});
        const qint64 oldPid = status.primaryPid;

        SandboxCluster cluster(SandboxTestEnv::script(), SandboxTestEnv::dir());
        FailoverDrill drill(&cluster);
        drill.setIntervalMs(250);
        QCOMPARE(drill.intervalMs(), 250);
        QSignalSpy finished(&drill, &FailoverDrill::finished);
        QSignalSpy steps(&drill, &FailoverDrill::progressed);
        bool wroteDuringOutage = false;
        connect(&drill, &FailoverDrill::progressed, this, [&](const QString &step) {
            // The primary is dead now: this row exists only on the secondary until the primary catches up.
            if (step.startsWith(QStringLiteral("restarting the primary")) && !wroteDuringOutage) {
                wroteDuringOutage = true;
                SandboxTestEnv::adminExec(status, Endpoint::Secondary,
                                          {QStringLiteral("INSERT INTO %1.orders VALUES (42)").arg(m_db)});
            }
        });
        drill.start();
        QVERIFY(drill.isRunning());
        QVERIFY(finished.wait(120000));
        const DrillResult r = finished.first().at(0).value<DrillResult>();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().oneLine()));
        QVERIFY(wroteDuringOutage);
        QCOMPARE(r.failover.fromServerId, 1);
        QCOMPARE(r.failover.toServerId, 2);
        QCOMPARE(r.failback.toServerId, 1);
        QVERIFY2(r.failoverDetectMs >= 0 && r.failoverDetectMs <= 750,
                 qPrintable(QString::number(r.failoverDetectMs)));
        QVERIFY(r.routedFailoverMs >= r.failoverDetectMs - 1);
        QVERIFY(r.restartMs > 0);
        QVERIFY(r.resyncMs >= 0);
        QVERIFY(r.failbackDetectMs >= 0);
        QVERIFY(r.primaryBackAtMs >= r.killedAtMs);
        QVERIFY(!drill.isRunning());

        // Re-synchronized means the restarted primary already has the outage's write: no waiting here.
        status = SandboxTestEnv::status();
        QVERIFY(status.primaryPid != oldPid);
        QCOMPARE(SandboxTestEnv::adminExec(
                     status, Endpoint::Primary,
                     {QStringLiteral("SELECT COUNT(*) FROM %1.orders WHERE id = 42").arg(m_db)})
                     .value(0)
                     .toInt(),
                 1);
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("failover")).toObject().value(QStringLiteral("event")).toString(),
                 QStringLiteral("failover"));
        QVERIFY(!json.contains(QStringLiteral("error")));
        QVERIFY(steps.size() >= 5);
    }
};

QTEST_GUILESS_MAIN(TestFailoverDrill)
#include "tst_failoverdrill.moc"
