// SPDX-License-Identifier: MIT
// heroku-sim fault injection: every kind, counted rules, and arming faults on a running simulator.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

class TestSimFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statusFaults_data();
    void statusFaults();
    void slowPostStillMutatesOnce();
    void dropClosesWithoutAnswer();
    void malformedTruncatesJson();
    void controlEndpoint();
};

void TestSimFaults::statusFaults_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("id");
    QTest::newRow("429") << "GET /apps=429*2" << 429 << "rate_limit";
    QTest::newRow("500") << "GET /apps=500*2" << 500 << "internal_server_error";
    QTest::newRow("503") << "GET /apps=503*2" << 503 << "service_unavailable";
}

void TestSimFaults::statusFaults()
{
    QFETCH(QString, spec);
    QFETCH(int, status);
    QFETCH(QString, id);
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--faults"), spec}));
    SimHttp http(sim);
    for (int i = 0; i < 2; ++i) {
        const SimHttp::Reply r = http.get(QStringLiteral("/apps"));
        QCOMPARE(r.status, status);
        QCOMPARE(r.json().object().value(QStringLiteral("id")).toString(), id);
        if (status == 429)
            QCOMPARE(r.header("Retry-After"), QByteArray("1"));
    }
    QCOMPARE(http.get(QStringLiteral("/apps")).status, 200);    // the rule retired after two
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200); // other paths never affected
}

void TestSimFaults::slowPostStillMutatesOnce()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--faults"),
                       QStringLiteral("POST /apps/*/addons=slow:3000*1")}));
    SimHttp http(sim);
    QElapsedTimer timer;
    timer.start();
    // The client gives up after 500 ms, as a client with a short timeout would.
    const SimHttp::Reply r = http.send("POST", QStringLiteral("/apps/sandbox-app-0003/addons"),
                                       R"({"plan":"cleardb:ignite"})", {}, 500);
    QVERIFY(r.status == 0);
    QVERIFY(timer.elapsed() < 2500);
    // The add-on was created exactly once although no answer arrived.
    const QJsonArray addons = http.get(QStringLiteral("/apps/sandbox-app-0003/addons")).json().array();
    QCOMPARE(addons.size(), 1);
    // Without a client timeout the answer arrives after the delay.
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--faults"),
                       QStringLiteral("POST /apps/*/addons=slow:700")}));
    SimHttp patient(sim);
    timer.restart();
    QCOMPARE(
        patient.send("POST", QStringLiteral("/apps/sandbox-app-0003/addons"), R"({"plan":"cleardb:ignite"})")
            .status,
        201);
    QVERIFY(timer.elapsed() >= 650);
}

void TestSimFaults::dropClosesWithoutAnswer()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--faults"),
                       QStringLiteral("GET /apps/*/config-vars=drop*1")}));
    // On a raw socket: the connection closes and not one byte of a response arrives.
    const QByteArray request =
        "GET /apps/sandbox-app-0001/config-vars HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
        sim.token().toUtf8() + "\r\nAccept: application/vnd.heroku+json; version=3\r\n\r\n";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(sim.baseUrl()).port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(socket.readAll().isEmpty());
    // The rule fired once; the same request now succeeds.
    SimHttp http(sim);
    QCOMPARE(http.get(QStringLiteral("/apps/sandbox-app-0001/config-vars")).status, 200);
    // Through QNetworkAccessManager (which resends an idempotent request once when a connection
    // closes early) an always-dropping route surfaces as "remote host closed".
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"), "GET /account=drop").status, 200);
    const SimHttp::Reply dropped = http.get(QStringLiteral("/account"));
    QCOMPARE(dropped.status, 0);
    QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
}

void TestSimFaults::malformedTruncatesJson()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--faults"),
                       QStringLiteral("GET /addons=malformed*1")}));
    SimHttp http(sim);
    const SimHttp::Reply bad = http.get(QStringLiteral("/addons"));
    QCOMPARE(bad.status, 200);
    QJsonParseError error;
    QJsonDocument::fromJson(bad.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(http.get(QStringLiteral("/addons")).json().array().size(), 1);
}

void TestSimFaults::controlEndpoint()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}));
    SimHttp http(sim);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200);
    const SimHttp::Reply armed =
        http.send("POST", QStringLiteral("/__sim/faults"), "GET /account=500*1;GET /account=503*1");
    QCOMPARE(armed.status, 200);
    QCOMPARE(armed.json().object().value(QStringLiteral("armed")).toInt(), 2);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 500);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 503);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"), "GET /account=teapot").status, 422);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"), "GET /account=500",
                       {{"Authorization", "Bearer wrong"}})
                 .status,
             401);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"), "GET /account=500").status, 200);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 500);
    QCOMPARE(http.send("DELETE", QStringLiteral("/__sim/faults")).status, 200);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200);
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
