// SPDX-License-Identifier: MIT
// heroku-sim's protocol rules: authentication, the v3 Accept header, the headers every answer
// carries, the rate limit with Retry-After, and HTTP/1.1 framing on a raw socket.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

class TestSimProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void authentication_data();
    void authentication();
    void acceptHeader_data();
    void acceptHeader();
    void everyAnswerHasHerokuHeaders();
    void rateLimitAndRetryAfter();
    void rawSocketFraming();
    void expectContinue();
    void badRequestsAreAnswered_data();
    void badRequestsAreAnswered();
    void unknownAppAndRoute();
    void commandLineErrors_data();
    void commandLineErrors();

private:
    QByteArray rawExchange(const QByteArray &wire, int expectedResponses);
    SimProcess m_sim;
};

void TestSimProtocol::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(m_sim.errorString()));
}

void TestSimProtocol::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    const QByteArray token = m_sim.token().toUtf8();
    QTest::newRow("bearer") << QByteArray("Bearer " + token) << 200;
    QTest::newRow("basic, token as password")
        << QByteArray("Basic " + QByteArray("me@example.com:" + token).toBase64()) << 200;
    QTest::newRow("missing") << QByteArray() << 401;
    QTest::newRow("wrong token") << QByteArray("Bearer nope") << 401;
    QTest::newRow("basic, wrong password") << QByteArray("Basic " + QByteArray("me:nope").toBase64()) << 401;
    QTest::newRow("token as user only") << QByteArray("Basic " + QByteArray(token + ":").toBase64()) << 401;
}

void TestSimProtocol::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    SimHttp http(m_sim);
    const SimHttp::Reply r = http.get(QStringLiteral("/account"), {{"Authorization", authorization}});
    QCOMPARE(r.status, status);
    if (status == 401)
        QCOMPARE(r.json().object().value(QStringLiteral("id")).toString(), QStringLiteral("unauthorized"));
}

void TestSimProtocol::acceptHeader_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<int>("status");
    QTest::newRow("v3") << QByteArray("application/vnd.heroku+json; version=3") << 200;
    QTest::newRow("v3 variant (CLI)") << QByteArray("application/vnd.heroku+json; version=3.sdk") << 200;
    QTest::newRow("missing") << QByteArray() << 406;
    QTest::newRow("plain json") << QByteArray("application/json") << 406;
    QTest::newRow("v2") << QByteArray("application/vnd.heroku+json; version=2") << 406;
    QTest::newRow("v30") << QByteArray("application/vnd.heroku+json; version=30") << 406;
}

void TestSimProtocol::acceptHeader()
{
    QFETCH(QByteArray, accept);
    QFETCH(int, status);
    SimHttp http(m_sim);
    const SimHttp::Reply r = http.get(QStringLiteral("/apps"), {{"Accept", accept}});
    QCOMPARE(r.status, status);
    if (status == 406) {
        QCOMPARE(r.json().object().value(QStringLiteral("id")).toString(), QStringLiteral("not_acceptable"));
        QVERIFY(r.json()
                    .object()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("version=3")));
    }
}

void TestSimProtocol::everyAnswerHasHerokuHeaders()
{
    SimHttp http(m_sim);
    const QList<SimHttp::Reply> replies = {
        http.get(QStringLiteral("/apps")), http.get(QStringLiteral("/apps/nope")),
        http.get(QStringLiteral("/account"), {{"Authorization", "Bearer x"}})};
    for (const SimHttp::Reply &r : replies) {
        QVERIFY(!QUuid::fromString(QString::fromLatin1(r.header("Request-Id"))).isNull());
        bool ok = false;
        r.header("RateLimit-Remaining").toInt(&ok);
        QVERIFY(ok);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    }
    QVERIFY(replies.at(0).header("Request-Id") != replies.at(1).header("Request-Id"));
}

void TestSimProtocol::rateLimitAndRetryAfter()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--rate-limit"),
                        QStringLiteral("3")}),
             qPrintable(sim.errorString()));
    SimHttp http(sim);
    QCOMPARE(http.get(QStringLiteral("/account")).header("RateLimit-Remaining"), QByteArray("2"));
    const SimHttp::Reply limits = http.get(QStringLiteral("/account/rate-limits"));
    QCOMPARE(limits.json().object().value(QStringLiteral("remaining")).toInt(), 1);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200);
    const SimHttp::Reply limited = http.get(QStringLiteral("/account"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.json().object().value(QStringLiteral("id")).toString(), QStringLiteral("rate_limit"));
    QCOMPARE(
        limited.json().object().value(QStringLiteral("message")).toString(),
        QStringLiteral(
            "Your account reached the API rate limit\nPlease wait a few minutes before making new requests"));
    QVERIFY(limited.json()
                .object()
                .value(QStringLiteral("url"))
                .toString()
                .startsWith(QStringLiteral("https://devcenter.heroku.com/")));
    QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));
    const int retryAfter = limited.header("Retry-After").toInt();
    QVERIFY(retryAfter >= 1 && retryAfter <= 2); // ~75 tokens per minute refill one in 0.8 s
    // After Retry-After seconds a token has refilled and the next request passes.
    QTest::qWait(retryAfter * 1000 + 100);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200);
}

QByteArray TestSimProtocol::rawExchange(const QByteArray &wire, int expectedResponses)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(m_sim.baseUrl()).port()));
    if (!socket.waitForConnected(5000))
        return {};
    // Written in small pieces: the server must cope with partial reads.
    for (int i = 0; i < wire.size(); i += 7) {
        socket.write(wire.mid(i, 7));
        socket.flush();
        socket.waitForBytesWritten(1000);
    }
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (answer.count("HTTP/1.1 ") < expectedResponses && timer.elapsed() < 5000) {
        if (socket.waitForReadyRead(500))
            answer += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    answer += socket.readAll();
    return answer;
}

void TestSimProtocol::rawSocketFraming()
{
    const QByteArray auth = "Authorization: Bearer " + m_sim.token().toUtf8() +
                            "\r\n"
                            "Accept: application/vnd.heroku+json; version=3\r\n";
    // Keep-alive and pipelining: three requests on one connection, answered in order.
    const QByteArray wire =
        "GET /account HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n" +
        "PATCH /apps/sandbox-app-0003/config-vars HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n" + auth +
        "\r\n{\"RAW\":\"sock\"}\n" + "GET /apps/nope HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
    const QByteArray answer = rawExchange(wire, 3);
    QCOMPARE(answer.count("HTTP/1.1 "), 3);
    const int ok1 = answer.indexOf("HTTP/1.1 200 OK");
    const int ok2 = answer.indexOf("HTTP/1.1 200 OK", ok1 + 1);
    const int notFound = answer.indexOf("HTTP/1.1 404 Not Found");
    QVERIFY(ok1 >= 0 && ok2 > ok1 && notFound > ok2);
    QVERIFY(answer.contains("\"RAW\":\"sock\""));
}

void TestSimProtocol::expectContinue()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(QUrl(m_sim.baseUrl()).port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("PATCH /apps/sandbox-app-0002/config-vars HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                 m_sim.token().toUtf8() +
                 "\r\nAccept: application/vnd.heroku+json; version=3\r\nExpect: "
                 "100-continue\r\nContent-Length: 13\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 5000);
    QCOMPARE(answer, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write(R"({"EXP":"yes"})");
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\"EXP\":\"yes\""), 5000);
    QVERIFY(answer.contains("HTTP/1.1 200 OK"));
}

void TestSimProtocol::badRequestsAreAnswered_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::newRow("header block too big")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(17000, 'a')) << QByteArray("HTTP/1.1 431");
    QTest::newRow("body too big") << QByteArray(
                                         "POST /apps HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n")
                                  << QByteArray("HTTP/1.1 413");
    // Request smuggling patterns (RFC 9112 §6.3): refused, never guessed at.
    QTest::newRow("conflicting lengths")
        << QByteArray("POST /apps HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 40\r\n\r\nabc")
        << QByteArray("HTTP/1.1 400");
    QTest::newRow("signed length") << QByteArray(
                                          "POST /apps HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc")
                                   << QByteArray("HTTP/1.1 400");
}

void TestSimProtocol::badRequestsAreAnswered()
{
    QFETCH(QByteArray, wire);
    QFETCH(QByteArray, statusLine);
    const QByteArray answer = rawExchange(wire, 1);
    QVERIFY2(answer.startsWith(statusLine), answer.left(80).constData());
    QVERIFY(answer.contains("Connection: close"));
    QVERIFY(answer.contains("\"id\":\"bad_request\""));
    QVERIFY(answer.contains("\r\nRequest-Id: "));
    QVERIFY(answer.contains("\r\nRateLimit-Remaining: "));
    // The simulator keeps serving other connections.
    SimHttp http(m_sim);
    QCOMPARE(http.get(QStringLiteral("/account")).status, 200);
}

void TestSimProtocol::unknownAppAndRoute()
{
    SimHttp http(m_sim);
    const SimHttp::Reply app = http.get(QStringLiteral("/apps/no-such-app"));
    QCOMPARE(app.status, 404);
    const QJsonObject body = app.json().object();
    QCOMPARE(body.value(QStringLiteral("id")).toString(), QStringLiteral("not_found"));
    QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Couldn't find that app."));
    QCOMPARE(body.value(QStringLiteral("resource")).toString(), QStringLiteral("app"));
    QCOMPARE(http.get(QStringLiteral("/no/such/route")).status, 404);
    QCOMPARE(http.send("PUT", QStringLiteral("/account")).status, 405);
}

void TestSimProtocol::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("bad faults") << QStringList{QStringLiteral("--faults"), QStringLiteral("GET /apps=teapot")}
                                << "teapot";
    QTest::newRow("bad apps") << QStringList{QStringLiteral("--apps"), QStringLiteral("many")} << "--apps";
    QTest::newRow("bad rate limit") << QStringList{QStringLiteral("--rate-limit"), QStringLiteral("0")}
                                    << "--rate-limit";
}

void TestSimProtocol::commandLineErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    SimProcess sim;
    QVERIFY(!sim.start(args));
    QCOMPARE(sim.process().exitCode(), 1);
    const QString err = sim.standardError().trimmed();
    QVERIFY2(err.startsWith(QStringLiteral("heroku-sim: ")) && err.contains(mentions), qPrintable(err));
    QVERIFY2(!err.contains(QLatin1Char('\n')), "the error is one line");
}

QTEST_GUILESS_MAIN(TestSimProtocol)
#include "tst_simprotocol.moc"
