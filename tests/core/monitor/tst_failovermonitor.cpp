// SPDX-License-Identifier: MIT
#include "../sandbox/SandboxTestEnv.h"
#include "monitor/Clock.h"
#include "monitor/FailoverMonitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>
#include <csignal>

namespace {
// A clock ten years ahead: proves samples and events are stamped with the injected clock.
class FutureClock : public Clock
{
public:
    static constexpr qint64 kOffsetMs = 10LL * 365 * 24 * 3600 * 1000;
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + kOffsetMs; }
};
} // namespace

// FailoverMonitor against the real pair: SIGKILL of the primary is reported as a failover within two
// probe intervals, its restart as a failback, in both probing modes; the canary measures replication
// lag and touches no table but its own.
class TestFailoverMonitor : public QObject
{
    Q_OBJECT
    using Endpoint = SandboxStatus::Endpoint;
    SandboxStatus m_status;
    FutureClock m_clock;
    bool m_killed = false; // this test killed the primary and has not restarted it yet
    // The longest HAProxy takes to route to the secondary: two failed checks 250 ms apart, plus the
    // check that was under way at the kill.
    static constexpr int kRouterSwitchMs = 1100;
    // A fresh database per run: the test counts the tables in it.
    const QString m_db = QStringLiteral("heroku_monitor%1").arg(QCoreApplication::applicationPid());
    const QString m_user = QStringLiteral("monitor_user");
    const QString m_password = QStringLiteral("M0n-%1").arg(QCoreApplication::applicationPid());

    ProbeTarget target(Endpoint e) const
    {
        ProbeTarget t = m_status.target(e, m_user, m_password, m_db);
        t.timeoutMs = 2000;
        return t;
    }

    void killPrimary()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY(m_status.primaryPid > 0);
        QCOMPARE(::kill(pid_t(m_status.primaryPid), SIGKILL), 0);
        m_killed = true;
    }

    // cluster.sh start restarts whatever died; then wait until the router sends traffic home again.
    void restartPrimary()
    {
        int code = -1;
        SandboxTestEnv::run({QStringLiteral("start")}, {}, &code);
        QCOMPARE(code, 0);
        m_status = SandboxTestEnv::status();
        QVERIFY(m_status.primaryRunning);
    }

    void waitUntilRoutedIsPrimary()
    {
        QTRY_COMPARE_WITH_TIMEOUT(
            SandboxTestEnv::adminExec(m_status, Endpoint::Routed, {QStringLiteral("SELECT @@server_id")})
                .value(0)
                .toInt(),
            1, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        QVERIFY(SandboxTestEnv::provision(m_db, m_user, m_password));
        waitUntilRoutedIsPrimary();
    }

    void canaryMeasuresLagAndTouchesOnlyItsTable()
    {
        // The user's own data, written through the primary and replicated.
        SandboxTestEnv::adminExec(
            m_status, Endpoint::Primary,
            {QStringLiteral("CREATE TABLE IF NOT EXISTS orders (id INT PRIMARY KEY, total INT)"),
             QStringLiteral("REPLACE INTO orders VALUES (1, 10), (2, 20)")},
            m_db);
        const QString tables = QStringLiteral("SELECT GROUP_CONCAT(table_name ORDER BY table_name) FROM "
                                              "information_schema.tables WHERE table_schema = '%1'")
                                   .arg(m_db);
        const QString checksum = QStringLiteral("CHECKSUM TABLE orders");
        QTRY_COMPARE(SandboxTestEnv::adminExec(m_status, Endpoint::Secondary, {tables}).value(0).toString(),
                     QStringLiteral("orders"));
        QTRY_COMPARE(SandboxTestEnv::adminExec(m_status, Endpoint::Secondary,
                                               {QStringLiteral("SELECT COUNT(*) FROM orders")}, m_db)
                         .value(0)
                         .toInt(),
                     2);
        const QVariant before =
            SandboxTestEnv::adminExec(m_status, Endpoint::Primary, {checksum}, m_db).value(1);
        QVERIFY(before.toLongLong() != 0);

        FailoverMonitor monitor(&m_clock);
        monitor.setTarget(FailoverDetector::primaryTarget(), target(Endpoint::Primary));
        monitor.setTarget(FailoverDetector::secondaryTarget(), target(Endpoint::Secondary));
        const Status refused = monitor.measureReplicationLag();
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("consent")));
        monitor.setCanaryConsent(true);
        QSignalSpy spy(&monitor, &FailoverMonitor::canaryMeasured);
        QVERIFY(monitor.measureReplicationLag().ok());
        QVERIFY(spy.wait(15000));
        const CanaryResult r = spy.first().at(0).value<CanaryResult>();
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        QVERIFY(r.lagMs >= 0);
        QVERIFY2(r.lagMs < 2000, qPrintable(QString::number(r.lagMs)));
        QCOMPARE(r.writerServerId, 1);
        QCOMPARE(r.readerServerId, 2);
        QVERIFY(r.atMs > QDateTime::currentMSecsSinceEpoch() + FutureClock::kOffsetMs / 2);
        // The measurement is also an event, for the event list, the exports and the CLI.
        QCOMPARE(monitor.events().size(), 1);
        const MonitorEvent lag = monitor.events().first();
        QCOMPARE(lag.kind, MonitorEvent::Kind::ReplicationLag);
        QCOMPARE(lag.lagMs, r.lagMs);
        QCOMPARE(lag.atMs, r.atMs);
        QCOMPARE(lag.fromServerId, 1);
        QCOMPARE(lag.toServerId, 2);
        QCOMPARE(lag.target, FailoverDetector::secondaryTarget());

        for (Endpoint e : {Endpoint::Primary, Endpoint::Secondary}) {
            QTRY_COMPARE(SandboxTestEnv::adminExec(m_status, e, {tables}).value(0).toString(),
                         QStringLiteral("cleardb_console_canary,orders"));
            QCOMPARE(SandboxTestEnv::adminExec(m_status, e, {checksum}, m_db).value(1), before);
            // The canary deletes its row again.
            QTRY_COMPARE(
                SandboxTestEnv::adminExec(
                    m_status, e, {QStringLiteral("SELECT COUNT(*) FROM cleardb_console_canary")}, m_db)
                    .value(0)
                    .toInt(),
                0);
        }
    }

    void canaryScheduleRunsOnlyWhileWatchingWithConsent()
    {
        FailoverMonitor monitor(&m_clock);
        monitor.setIntervalMs(500);
        monitor.setCanaryIntervalMs(10);
        QCOMPARE(monitor.canaryIntervalMs(), FailoverMonitor::kMinCanaryIntervalMs);
        monitor.setTarget(FailoverDetector::routedTarget(), target(Endpoint::Routed));
        monitor.setTarget(FailoverDetector::primaryTarget(), target(Endpoint::Primary));
        monitor.setTarget(FailoverDetector::secondaryTarget(), target(Endpoint::Secondary));
        QSignalSpy lags(&monitor, &FailoverMonitor::canaryMeasured);
        QSignalSpy samples(&monitor, &FailoverMonitor::sampleRecorded);
        // Without consent a schedule writes nothing.
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 6, 10000);
        QVERIFY(lags.isEmpty());
        // Consent while running: one measurement at once, then one per canary interval.
        monitor.setCanaryConsent(true);
        QTRY_VERIFY_WITH_TIMEOUT(lags.size() >= 2, 15000);
        for (const QList<QVariant> &l : std::as_const(lags))
            QVERIFY2(l.at(0).value<CanaryResult>().ok,
                     qPrintable(l.at(0).value<CanaryResult>().error.toString()));
        monitor.stop();
        const qsizetype measured = lags.size();
        QTest::qWait(2500);
        QCOMPARE(lags.size(), measured); // stop() ended the schedule
        // Withdrawn consent ends it too, even while the monitor runs.
        monitor.setCanaryConsent(false);
        monitor.start();
        QTest::qWait(2500);
        QCOMPARE(lags.size(), measured);
        monitor.stop();
    }

    void newConnectionModeDetectsFailoverAndFailback()
    {
        FailoverMonitor monitor(&m_clock);
        monitor.setIntervalMs(400);
        monitor.setMode(FailoverMonitor::Mode::NewConnection);
        monitor.setTarget(FailoverDetector::routedTarget(), target(Endpoint::Routed));
        monitor.setTarget(FailoverDetector::primaryTarget(), target(Endpoint::Primary));
        monitor.setTarget(FailoverDetector::secondaryTarget(), target(Endpoint::Secondary));
        QSignalSpy samples(&monitor, &FailoverMonitor::sampleRecorded);
        QSignalSpy failovers(&monitor, &FailoverMonitor::failoverDetected);
        QSignalSpy failbacks(&monitor, &FailoverMonitor::failbackDetected);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 6, 10000);
        QVERIFY(failovers.isEmpty());
        // Detection cannot be quicker than one probe on this machine (a sanitized build on a busy CI
        // runner takes several times longer than an optimised one on an idle desktop).
        double slowestProbeMs = 0;
        for (const QList<QVariant> &sample : std::as_const(samples))
            slowestProbeMs = std::max(slowestProbeMs, sample.at(0).value<MonitorSample>().latencyMs);

        const qint64 killedAt = m_clock.nowMs();
        killPrimary();
        QVERIFY(failovers.wait(5000));
        const MonitorEvent failover = failovers.first().at(0).value<MonitorEvent>();
        QCOMPARE(failover.fromServerId, 1);
        QCOMPARE(failover.toServerId, 2);
        qInfo("failover seen %lld ms after SIGKILL (interval %d ms, slowest probe before %.0f ms)",
              failover.atMs - killedAt, monitor.intervalMs(), slowestProbeMs);
        // The routed endpoint answers from the secondary only once HAProxy has seen two failed checks
        // (250 ms apart: 0.5 to 1.1 s, see persistentModeReconnectsAndDetectsFailover); the monitor
        // must notice within one interval of that.
        QVERIFY2(failover.atMs - killedAt <= kRouterSwitchMs + monitor.intervalMs() + slowestProbeMs,
                 qPrintable(QStringLiteral("failover seen %1 ms after the kill, slowest probe %2 ms")
                                .arg(failover.atMs - killedAt)
                                .arg(slowestProbeMs)));

        restartPrimary();
        QVERIFY(failbacks.wait(30000));
        const MonitorEvent failback = failbacks.first().at(0).value<MonitorEvent>();
        QCOMPARE(failback.fromServerId, 2);
        QCOMPARE(failback.toServerId, 1);
        QCOMPARE(failback.target, FailoverDetector::routedTarget());
        QCOMPARE(failovers.size(), 1);
        monitor.stop();

        const QJsonObject json = QJsonDocument::fromJson(monitor.toJson()).object();
        QStringList kinds;
        for (const QJsonValue &e : json.value(QStringLiteral("events")).toArray())
            kinds << e.toObject().value(QStringLiteral("event")).toString();
        QVERIFY2(kinds.contains(QStringLiteral("failover")) && kinds.contains(QStringLiteral("failback")),
                 qPrintable(kinds.join(QLatin1Char(','))));
        QVERIFY(monitor.eventsCsv().contains(",failover,primary,1,2,"));
        const QByteArray csv = monitor.samplesCsv();
        QCOMPARE(csv.count('\n'), monitor.samples().size() + 1);
        QVERIFY(!csv.contains(m_password.toUtf8()));
        QVERIFY(!monitor.toJson().contains(m_password.toUtf8()));
        for (const MonitorSample &s : monitor.samples())
            QVERIFY(s.atMs > QDateTime::currentMSecsSinceEpoch() + FutureClock::kOffsetMs / 2);
    }

    void persistentModeReconnectsAndDetectsFailover()
    {
        waitUntilRoutedIsPrimary();
        FailoverMonitor monitor(&m_clock);
        // Persistent connections must be used well within ClearDB's 90 s idle kill: never above 60 s.
        monitor.setIntervalMs(120000);
        QCOMPARE(monitor.intervalMs(), 60000);
        monitor.setIntervalMs(10);
        QCOMPARE(monitor.intervalMs(), 100);
        monitor.setIntervalMs(250);
        monitor.setCapacity(5);
        monitor.setMode(FailoverMonitor::Mode::Persistent);
        monitor.setTarget(FailoverDetector::routedTarget(), target(Endpoint::Routed));
        QSignalSpy samples(&monitor, &FailoverMonitor::sampleRecorded);
        QSignalSpy events(&monitor, &FailoverMonitor::eventRecorded);
        QSignalSpy failovers(&monitor, &FailoverMonitor::failoverDetected);
        QSignalSpy failbacks(&monitor, &FailoverMonitor::failbackDetected);
        monitor.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 4, 10000);
        // One connection, reused for every ping after the first.
        QVERIFY(samples.last().at(0).value<MonitorSample>().reusedConnection);
        QVERIFY(failovers.isEmpty());

        killPrimary();
        // HAProxy needs two failed checks (~0.5-1.1 s) before it routes to the secondary.
        QVERIFY(failovers.wait(6000));
        QCOMPARE(failovers.first().at(0).value<MonitorEvent>().toServerId, 2);
        bool dropped = false;
        for (const QList<QVariant> &e : std::as_const(events))
            dropped |= e.at(0).value<MonitorEvent>().kind == MonitorEvent::Kind::ConnectionDropped;
        QVERIFY(dropped);

        restartPrimary();
        // The router closes sessions on the backup once the primary is back; the monitor reconnects.
        QVERIFY(failbacks.wait(10000));
        QCOMPARE(failbacks.first().at(0).value<MonitorEvent>().toServerId, 1);
        // The ring kept only the newest samples.
        QVERIFY(samples.size() > 5);
        QCOMPARE(monitor.samples().size(), 5);
        QCOMPARE(monitor.samples().last().atMs, samples.last().at(0).value<MonitorSample>().atMs);
        monitor.stop();
    }

    // A test that fails after killing the primary must not leave the shared cluster degraded for the
    // tests after it.
    void cleanup()
    {
        if (m_killed && !SandboxTestEnv::status().primaryRunning)
            restartPrimary();
        m_killed = false;
    }

    void cleanupTestCase()
    {
        // Leave the fixture as we found it: both masters up and replicating.
        SandboxTestEnv::run({QStringLiteral("start")});
    }
};

QTEST_GUILESS_MAIN(TestFailoverMonitor)
#include "tst_failovermonitor.moc"
