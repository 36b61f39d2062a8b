// SPDX-License-Identifier: MIT
#include "monitor/FailoverDetector.h"

#include <QtTest>

namespace {
MonitorSample sample(const QString &target, qint64 atMs, qint64 serverId, bool reused = false)
{
    MonitorSample s;
    s.target = target;
    s.startedAtMs = atMs - 5;
    s.atMs = atMs;
    s.ok = serverId >= 0;
    s.serverId = serverId;
    s.reusedConnection = reused;
    if (!s.ok)
        s.message = QStringLiteral("tcp: connection refused");
    return s;
}

const QString routed = FailoverDetector::routedTarget();
const QString primary = FailoverDetector::primaryTarget();
const QString secondary = FailoverDetector::secondaryTarget();

QList<MonitorEvent> only(const QList<MonitorEvent> &events, MonitorEvent::Kind kind)
{
    QList<MonitorEvent> out;
    for (const MonitorEvent &e : events)
        if (e.kind == kind)
            out << e;
    return out;
}
} // namespace

// The failover/failback rules, fed with hand-made samples so each rule is checked exactly.
class TestFailoverDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void routedServerChangeIsFailoverAndBack()
    {
        FailoverDetector d;
        QVERIFY(d.addSample(sample(routed, 1000, 1)).isEmpty());
        QVERIFY(d.addSample(sample(routed, 2000, 1)).isEmpty());
        QCOMPARE(d.homeServerId(), 1);
        const auto outage = d.addSample(sample(routed, 3000, -1));
        QCOMPARE(outage.size(), 1);
        QCOMPARE(outage.first().kind, MonitorEvent::Kind::OutageStarted);
        const auto moved = d.addSample(sample(routed, 4000, 2));
        const auto failovers = only(moved, MonitorEvent::Kind::Failover);
        QCOMPARE(failovers.size(), 1);
        QCOMPARE(failovers.first().atMs, 4000);
        QCOMPARE(failovers.first().fromServerId, 1);
        QCOMPARE(failovers.first().toServerId, 2);
        QCOMPARE(only(moved, MonitorEvent::Kind::OutageEnded).size(), 1);
        QVERIFY(d.addSample(sample(routed, 5000, 2)).isEmpty());
        const auto back = d.addSample(sample(routed, 6000, 1));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().kind, MonitorEvent::Kind::Failback);
        QCOMPARE(back.first().toServerId, 1);
        QCOMPARE(d.activeServerId(), 1);
    }

    void deadPrimaryWithLiveSecondaryIsFailoverBeforeTheRouterMoves()
    {
        FailoverDetector d;
        d.addSample(sample(primary, 1000, 1));
        d.addSample(sample(secondary, 1001, 2));
        d.addSample(sample(routed, 1002, 1));
        // The primary dies: the routed endpoint fails for a while, the secondary still answers.
        d.addSample(sample(routed, 2000, -1));
        const auto events = d.addSample(sample(primary, 2001, -1));
        const auto failovers = only(events, MonitorEvent::Kind::Failover);
        QCOMPARE(failovers.size(), 1);
        QCOMPARE(failovers.first().atMs, 2001);
        QCOMPARE(failovers.first().target, primary);
        QCOMPARE(failovers.first().toServerId, 2);
        d.addSample(sample(secondary, 2002, 2));
        // The router catches up: no second failover event.
        QVERIFY(only(d.addSample(sample(routed, 3000, 2)), MonitorEvent::Kind::Failover).isEmpty());
        // The primary comes back but the router has not moved yet: not a failback.
        QVERIFY(only(d.addSample(sample(primary, 4000, 1)), MonitorEvent::Kind::Failback).isEmpty());
        QVERIFY(only(d.addSample(sample(routed, 4001, 2)), MonitorEvent::Kind::Failback).isEmpty());
        const auto back = only(d.addSample(sample(routed, 5000, 1)), MonitorEvent::Kind::Failback);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().fromServerId, 2);
    }

    void mastersOnlyFailBackWhenThePrimaryAnswers()
    {
        FailoverDetector d;
        d.addSample(sample(primary, 1000, 1));
        d.addSample(sample(secondary, 1001, 2));
        QCOMPARE(only(d.addSample(sample(primary, 2000, -1)), MonitorEvent::Kind::Failover).size(), 1);
        QCOMPARE(only(d.addSample(sample(primary, 3000, 1)), MonitorEvent::Kind::Failback).size(), 1);
    }

    void bothMastersDownIsAnOutageNotAFailover()
    {
        FailoverDetector d;
        d.addSample(sample(primary, 1000, 1));
        d.addSample(sample(secondary, 1001, 2));
        d.addSample(sample(secondary, 2000, -1));
        const auto events = d.addSample(sample(primary, 2001, -1));
        QVERIFY(only(events, MonitorEvent::Kind::Failover).isEmpty());
        QCOMPARE(only(events, MonitorEvent::Kind::OutageStarted).size(), 1);
    }

    void staleRoutedAnswerAfterASwitchIsIgnored()
    {
        FailoverDetector d;
        d.addSample(sample(primary, 1000, 1));
        d.addSample(sample(secondary, 1001, 2));
        d.addSample(sample(routed, 1002, 1));
        d.addSample(sample(primary, 2000, -1)); // failover at 2000
        MonitorSample late = sample(routed, 2100, 1);
        late.startedAtMs = 1900; // started before the failover was seen
        QVERIFY(d.addSample(late).isEmpty());
        QCOMPARE(d.activeServerId(), 2);
    }

    void droppedPersistentConnectionIsNotAFailover()
    {
        FailoverDetector d;
        d.addSample(sample(routed, 1000, 1, true));
        // ClearDB's idle kill or a restart closes the pooled connection.
        const auto dropped = d.addSample(sample(routed, 2000, -1, true));
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.first().kind, MonitorEvent::Kind::ConnectionDropped);
        // The reconnect reaches the same server: nothing else happened.
        QVERIFY(d.addSample(sample(routed, 3000, 1)).isEmpty());
        QCOMPARE(d.activeServerId(), 1);
    }

    void startingDuringAnOutageReportsNoPhantomFailover()
    {
        FailoverDetector d;
        d.addSample(sample(primary, 1000, -1));
        d.addSample(sample(secondary, 1001, 2));
        QVERIFY(only(d.addSample(sample(routed, 1002, 2)), MonitorEvent::Kind::Failover).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFailoverDetector)
#include "tst_failoverdetector.moc"
