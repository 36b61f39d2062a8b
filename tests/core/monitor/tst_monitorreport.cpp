// SPDX-License-Identifier: MIT
#include "monitor/MonitorReport.h"
#include "monitor/SampleBuffer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

// The ring buffer keeps the newest samples in bounded memory; the exports are what users attach to
// tickets and load into spreadsheets.
class TestMonitorReport : public QObject
{
    Q_OBJECT

    static MonitorSample sample(qint64 atMs, qint64 serverId)
    {
        MonitorSample s;
        s.atMs = atMs;
        s.target = QStringLiteral("routed");
        s.ok = serverId >= 0;
        s.serverId = serverId;
        s.latencyMs = 12.5;
        return s;
    }

private Q_SLOTS:
    void ringKeepsTheNewestInOrder()
    {
        SampleBuffer ring(3);
        for (int i = 1; i <= 5; ++i)
            ring.append(sample(i, i));
        QCOMPARE(ring.size(), 3);
        QCOMPARE(ring.capacity(), 3);
        QCOMPARE(ring.droppedCount(), 2);
        const QList<MonitorSample> s = ring.samples();
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.at(0).atMs, 3);
        QCOMPARE(s.at(2).atMs, 5);
        ring.clear();
        QCOMPARE(ring.size(), 0);
        ring.append(sample(9, 1));
        QCOMPARE(ring.samples().first().atMs, 9);
    }

    void csvQuotesAndTimes()
    {
        MonitorSample failed = sample(1764072000123, -1);
        failed.errorStage = ProbeStage::Auth;
        failed.errorCode = 1045;
        failed.errorKind = QStringLiteral("access-denied");
        failed.message = QStringLiteral("access denied, user \"u\"");
        const QByteArray csv = MonitorReport::samplesToCsv({sample(1764072000000, 2), failed});
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines.at(0).startsWith("time,target,ok,server_id,latency_ms"));
        QVERIFY(lines.at(1).startsWith("2025-11-25T12:00:00.000Z,routed,1,2,12.500"));
        QVERIFY(lines.at(2).contains(",auth,1045,access-denied,\"access denied, user \"\"u\"\"\""));
        QVERIFY(csv.endsWith("\r\n"));
    }

    void eventsCsvAndJson()
    {
        MonitorEvent e;
        e.atMs = 1764072001500;
        e.kind = MonitorEvent::Kind::Failover;
        e.target = QStringLiteral("primary");
        e.fromServerId = 1;
        e.toServerId = 2;
        e.detail = QStringLiteral("the primary stopped answering");
        const QByteArray csv = MonitorReport::eventsToCsv({e});
        QVERIFY(csv.contains("2025-11-25T12:00:01.500Z,failover,primary,1,2,the primary stopped answering"));

        const QJsonObject json = QJsonDocument::fromJson(MonitorReport::toJson({sample(5, 1)}, {e})).object();
        QCOMPARE(json.value(QStringLiteral("samples")).toArray().size(), 1);
        const QJsonObject event = json.value(QStringLiteral("events")).toArray().first().toObject();
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("failover"));
        QCOMPARE(event.value(QStringLiteral("timeMs")).toInteger(), e.atMs);
        QCOMPARE(event.value(QStringLiteral("toServerId")).toInt(), 2);
    }

    void samplesCsvCarriesEachEventOnTheSampleThatProvedIt()
    {
        MonitorSample before = sample(1764072000000, 1);
        MonitorSample moved = sample(1764072000250, 2);
        MonitorEvent e;
        e.atMs = moved.atMs;
        e.kind = MonitorEvent::Kind::Failover;
        e.target = moved.target;
        e.fromServerId = 1;
        e.toServerId = 2;
        e.detail = QStringLiteral("the routed endpoint is answered by another server");
        const QList<QByteArray> lines = MonitorReport::samplesToCsv({before, moved}, {e}).split('\n');
        QVERIFY2(lines.at(0).trimmed().endsWith(",message,event,event_detail"), lines.at(0).constData());
        QVERIFY2(lines.at(1).trimmed().endsWith(",,"), lines.at(1).constData());
        QVERIFY2(
            lines.at(2).trimmed().endsWith(",failover,the routed endpoint is answered by another server"),
            lines.at(2).constData());
    }

    void canaryLagIsAnEventOfItsOwn()
    {
        // A lag measurement stamped in the same millisecond as a secondary's sample stays off that sample.
        const MonitorSample probe = sample(1764072002000, 2);
        MonitorEvent lag;
        lag.atMs = probe.atMs;
        lag.kind = MonitorEvent::Kind::ReplicationLag;
        lag.target = probe.target;
        lag.fromServerId = 1;
        lag.toServerId = 2;
        lag.lagMs = 3.25;
        lag.detail = QStringLiteral("3.2 ms");
        QCOMPARE(lag.kindName(), QStringLiteral("replication-lag"));
        const QList<QByteArray> samples = MonitorReport::samplesToCsv({probe}, {lag}).split('\n');
        QVERIFY2(samples.at(1).trimmed().endsWith(",,"), samples.at(1).constData());
        const QByteArray events = MonitorReport::eventsToCsv({lag});
        QVERIFY2(events.startsWith("time,event,target,from_server_id,to_server_id,detail,lag_ms\r\n"),
                 events.constData());
        QVERIFY2(events.contains(",replication-lag,"), events.constData());
        QVERIFY2(events.contains(",3.2 ms,3.250\r\n"), events.constData());
        const QJsonObject event = QJsonDocument::fromJson(MonitorReport::toJson({}, {lag}))
                                      .object()
                                      .value(QStringLiteral("events"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(event.value(QStringLiteral("event")).toString(), QStringLiteral("replication-lag"));
        QCOMPARE(event.value(QStringLiteral("lagMs")).toDouble(), 3.25);
        // Other events have no lag member.
        MonitorEvent failed = lag;
        failed.kind = MonitorEvent::Kind::CanaryFailed;
        failed.lagMs = -1;
        const QJsonObject noLag = QJsonDocument::fromJson(MonitorReport::toJson({}, {failed}))
                                      .object()
                                      .value(QStringLiteral("events"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(noLag.value(QStringLiteral("event")).toString(), QStringLiteral("canary-failed"));
        QVERIFY(!noLag.contains(QStringLiteral("lagMs")));
    }

    void jsonCarriesWhatWasWatched()
    {
        const QJsonObject about{{QStringLiteral("app"), QStringLiteral("my-app")},
                                {QStringLiteral("intervalMs"), 250}};
        const QJsonObject json =
            QJsonDocument::fromJson(MonitorReport::toJson({sample(5, 1)}, {}, about)).object();
        QCOMPARE(json.value(QStringLiteral("app")).toString(), QStringLiteral("my-app"));
        QCOMPARE(json.value(QStringLiteral("intervalMs")).toInt(), 250);
        QCOMPARE(json.value(QStringLiteral("samples")).toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMonitorReport)
#include "tst_monitorreport.moc"
