// SPDX-License-Identifier: MIT
#include "../core/sandbox/SandboxTestEnv.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/SandboxDrillRunner.h"

#include <QPointer>
#include <QSignalSpy>
#include <QtTest>

// The Monitor view's drill runner on the fixture cluster: it follows every monitor the drill watches
// with (also one the drill replaces before its kill), and Cancel stops a drill cleanly, restarting a
// primary it already killed.
class TestSandboxDrillRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsAReplacedMonitorAtOnce()
    {
        QVERIFY2(SandboxTestEnv::status().isRunning(),
                 "the mariadb_cluster fixture did not start the sandbox");
        SandboxDrillRunner runner;
        QSignalSpy monitors(&runner, &SandboxDrillRunner::monitorStarted);
        QSignalSpy steps(&runner, &SandboxDrillRunner::progressed);
        QSignalSpy finished(&runner, &SandboxDrillRunner::finished);
        // The slowest interval: the drill needs two routed answers (one interval apart) before its kill,
        // so this test acts well before it.
        QVERIFY(runner.start(FailoverDrill::kMaxIntervalMs).isEmpty());
        QVERIFY(monitors.wait(30000));
        QPointer<FailoverMonitor> first = monitors.first().at(0).value<FailoverMonitor *>();
        QVERIFY(first);
        QVERIFY(first->isRunning());

        // The router moved while the drill learned which server is home: it watches again with a new
        // monitor, which the view must follow from its first sample.
        MonitorEvent moved;
        moved.atMs = QDateTime::currentMSecsSinceEpoch();
        moved.kind = MonitorEvent::Kind::Failover;
        moved.target = FailoverDetector::routedTarget();
        moved.fromServerId = 1;
        moved.toServerId = 2;
        Q_EMIT first->eventRecorded(moved);
        QVERIFY2(steps.last().at(0).toString().contains(QStringLiteral("watching again")),
                 qPrintable(steps.last().at(0).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(monitors.size(), 2, 2000);
        auto *second = monitors.at(1).at(0).value<FailoverMonitor *>();
        QVERIFY(second != first.data());
        QVERIFY(second->isRunning());

        QVERIFY(runner.isRunning());
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const DrillResult r = finished.first().at(0).value<DrillResult>();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("cancelled")), qPrintable(r.error().oneLine()));
        QCOMPARE(r.error().kind, Error::Kind::Cancelled);
        QCOMPARE(r.killedAtMs, 0);
        QVERIFY(!runner.isRunning());
        QVERIFY(!second->isRunning());
    }

    void cancelAfterTheKillRestartsThePrimary()
    {
        const SandboxStatus before = SandboxTestEnv::status();
        QVERIFY(before.isRunning());
        SandboxDrillRunner runner;
        QSignalSpy finished(&runner, &SandboxDrillRunner::finished);
        bool cancelled = false;
        connect(&runner, &SandboxDrillRunner::progressed, this, [&](const QString &step) {
            if (step.startsWith(QStringLiteral("sending SIGKILL")) && !cancelled) {
                cancelled = true;
                // Right after the kill: the next event-loop turn, as a click would come.
                QTimer::singleShot(0, &runner, &SandboxDrillRunner::cancel);
            }
        });
        QVERIFY(runner.start(250).isEmpty());
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        const DrillResult r = finished.first().at(0).value<DrillResult>();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().oneLine().contains(QStringLiteral("cancelled")), qPrintable(r.error().oneLine()));
        QCOMPARE(r.error().kind, Error::Kind::Cancelled);
        QVERIFY2(r.killedAtMs != 0, "the drill was cancelled before its kill; the premise did not hold");
        QVERIFY(!runner.isRunning());

        // The killed primary is started again, by the drill, without anyone asking.
        SandboxStatus after;
        QTRY_VERIFY_WITH_TIMEOUT(
            (after = SandboxTestEnv::status()).isRunning() && after.primaryPid != before.primaryPid, 120000);
        QVERIFY(after.primaryRunning && after.secondaryRunning && after.haproxyRunning);
    }
};

QTEST_MAIN(TestSandboxDrillRunner)
#include "tst_sandboxdrillrunner.moc"
