// SPDX-License-Identifier: MIT
#include "SandboxTestEnv.h"
#include "probe/SqlSession.h"
#include "sandbox/SandboxCluster.h"

#include <QSignalSpy>
#include <QtTest>

// The sandbox lifecycle as the GUI/CLI drive it through SandboxCluster: a cold start, idempotent
// start and stop, provisioning a database on both masters, and nothing left running afterwards.
class TestSandboxCluster : public QObject
{
    Q_OBJECT
    const QString m_dir = qEnvironmentVariable("CLEARDB_SANDBOX_LIFECYCLE_DIR");
    static constexpr quint16 kBasePort = 27080;

    SandboxResult runAction(SandboxCluster &cluster, void (SandboxCluster::*action)(),
                            void (SandboxCluster::*done)(const SandboxResult &))
    {
        QSignalSpy spy(&cluster, done);
        (cluster.*action)();
        if (!spy.wait(150000))
            return SandboxResult{makeError(Error::Kind::Timeout, QStringLiteral("no answer")), {}, {}};
        return spy.takeFirst().at(0).value<SandboxResult>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_dir.isEmpty());
        QVERIFY(QFile::exists(SandboxTestEnv::script()));
        SandboxTestEnv::run({QStringLiteral("stop")}, {}, nullptr, m_dir);
        QDir(m_dir).removeRecursively();
    }

    void stopWhenStoppedIsFine()
    {
        SandboxCluster cluster(SandboxTestEnv::script(), m_dir, kBasePort);
        const SandboxResult r = runAction(cluster, &SandboxCluster::stop, &SandboxCluster::stopped);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().oneLine()));
    }

    void startIsIdempotent()
    {
        SandboxCluster cluster(SandboxTestEnv::script(), m_dir, kBasePort);
        const SandboxResult first = runAction(cluster, &SandboxCluster::start, &SandboxCluster::started);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().oneLine()));
        QVERIFY(first.status.isRunning());
        QCOMPARE(first.status.routedPort, kBasePort);
        QCOMPARE(first.status.primaryPort, quint16(kBasePort + 1));
        QCOMPARE(first.status.secondaryPort, quint16(kBasePort + 2));
        QVERIFY(QFile::exists(first.status.caFile));
        QCOMPARE(QFile(first.status.adminPasswordFile).permissions() &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        QCOMPARE(SandboxTestEnv::liveProcesses(m_dir).size(), 3);

        const SandboxResult second = runAction(cluster, &SandboxCluster::start, &SandboxCluster::started);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().oneLine()));
        QCOMPARE(second.status.primaryPid, first.status.primaryPid);
        QCOMPARE(second.status.secondaryPid, first.status.secondaryPid);
        QCOMPARE(second.status.haproxyPid, first.status.haproxyPid);
    }

    void createDatabaseOnBothMasters()
    {
        SandboxCluster cluster(SandboxTestEnv::script(), m_dir);
        const QString password = QStringLiteral("p'w\\d;\"x%1").arg(QDateTime::currentMSecsSinceEpoch());
        QSignalSpy spy(&cluster, &SandboxCluster::databaseCreated);
        cluster.createDatabase(QStringLiteral("heroku_abc123"), QStringLiteral("b1a2c3d4e5f6a7"), password);
        QVERIFY(spy.wait(60000));
        const SandboxResult r = spy.takeFirst().at(0).value<SandboxResult>();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().oneLine()));
        QCOMPARE(r.database, QStringLiteral("heroku_abc123"));
        for (auto e : {SandboxStatus::Endpoint::Primary, SandboxStatus::Endpoint::Secondary,
                       SandboxStatus::Endpoint::Routed}) {
            SqlSession session;
            const ProbeError error = session.open(r.status.target(e, QStringLiteral("b1a2c3d4e5f6a7"),
                                                                  password, QStringLiteral("heroku_abc123")));
            QVERIFY2(!error.isError(), qPrintable(error.toString()));
        }
    }

    // A load that leans on a session setting the replica never sees (here a recursive CTE past the
    // default 1000 iterations) must still reach the other master: were it replayed there as a
    // statement, it would fail, stop that server's replication, and no later failback could re-sync.
    void writesDependingOnSessionSettingsReplicate()
    {
        const SandboxStatus status = SandboxTestEnv::status(m_dir);
        QVERIFY(status.isRunning());
        const QVariantList created = SandboxTestEnv::adminExec(
            status, SandboxStatus::Endpoint::Primary,
            {QStringLiteral("SET SESSION max_recursive_iterations = 100000"),
             QStringLiteral("CREATE TABLE numbers (n INT PRIMARY KEY)"),
             QStringLiteral(
                 "INSERT INTO numbers WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
                 "WHERE n < 5000) SELECT n FROM s"),
             QStringLiteral("SELECT COUNT(*) FROM numbers")},
            QStringLiteral("heroku_abc123"));
        QCOMPARE(created.value(0).toInt(), 5000); // premise: the primary took it
        const auto replicated = [&] {
            return SandboxTestEnv::adminExec(status, SandboxStatus::Endpoint::Secondary,
                                             {QStringLiteral("SELECT COUNT(*) FROM numbers")},
                                             QStringLiteral("heroku_abc123"))
                .value(0)
                .toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(replicated(), 5000, 15000);
    }

    void createDatabaseRejectsBadNames()
    {
        SandboxCluster cluster(SandboxTestEnv::script(), m_dir);
        QSignalSpy spy(&cluster, &SandboxCluster::databaseCreated);
        cluster.createDatabase(QStringLiteral("bad`name; DROP DATABASE mysql"), QStringLiteral("u"),
                               QStringLiteral("pw"));
        QVERIFY(spy.wait(60000));
        const SandboxResult r = spy.takeFirst().at(0).value<SandboxResult>();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("database name")),
                 qPrintable(r.error().oneLine()));
        QVERIFY(!r.error().oneLine().contains(QLatin1Char('\n')));
    }

    void stopIsCleanAndIdempotent()
    {
        SandboxCluster cluster(SandboxTestEnv::script(), m_dir);
        const SandboxResult first = runAction(cluster, &SandboxCluster::stop, &SandboxCluster::stopped);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().oneLine()));
        QCOMPARE(first.status.state, QStringLiteral("stopped"));
        QVERIFY2(SandboxTestEnv::liveProcesses(m_dir).isEmpty(),
                 qPrintable(SandboxTestEnv::liveProcesses(m_dir).join(QLatin1Char('\n'))));
        const SandboxResult second = runAction(cluster, &SandboxCluster::stop, &SandboxCluster::stopped);
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().oneLine()));
        QVERIFY(SandboxTestEnv::liveProcesses(m_dir).isEmpty());
    }

    void statusOfMissingScriptIsAClearError()
    {
        SandboxCluster cluster(QStringLiteral("/nonexistent/cluster.sh"), m_dir);
        const SandboxResult r =
            runAction(cluster, &SandboxCluster::refreshStatus, &SandboxCluster::statusRefreshed);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("/nonexistent/cluster.sh")),
                 qPrintable(r.error().oneLine()));
    }

    void missingScriptIsAClearErrorAndTheQueueGoesOn()
    {
        SandboxCluster cluster(QString(), m_dir);
        QSignalSpy status(&cluster, &SandboxCluster::statusRefreshed);
        QSignalSpy stopped(&cluster, &SandboxCluster::stopped);
        cluster.refreshStatus();
        cluster.stop();
        QVERIFY(cluster.isBusy());
        QTRY_COMPARE(stopped.size(), 1);
        QCOMPARE(status.size(), 1);
        const SandboxResult r = status.first().at(0).value<SandboxResult>();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("CLEARDB_SANDBOX_SCRIPT")),
                 qPrintable(r.error().oneLine()));
        QVERIFY(!cluster.isBusy());
    }

    void locatesTheScriptThroughTheEnvironment()
    {
        QCOMPARE(SandboxCluster::locateScript(), SandboxTestEnv::script());
    }

    void cleanupTestCase() { SandboxTestEnv::run({QStringLiteral("stop")}, {}, nullptr, m_dir); }
};

QTEST_GUILESS_MAIN(TestSandboxCluster)
#include "tst_sandboxcluster.moc"
