// SPDX-License-Identifier: MIT
// SingleAttemptExchange against a scripted server on 127.0.0.1 that writes exact bytes:
// split and trickled answers, malformed chunk sizes, interim answers, the total
// deadline and the body cap. A watchdog ends the run if the exchange ever stops
// returning to the event loop.
#include "HangWatchdog.h"
#include "ScriptedHttpServer.h"
#include "heroku/SingleAttemptExchange.h"

#include <QElapsedTimer>
#include <QtTest>

Q_DECLARE_METATYPE(HttpAnswer)

namespace {
const QByteArray Chunked = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n";

struct Outcome
{
    bool finished = false;
    HttpAnswer answer;
    qint64 elapsedMs = 0;
};

Outcome exchange(ScriptedHttpServer &server, int timeoutMs, int waitMs = 15000)
{
    SingleAttemptExchange exchange;
    QSignalSpy spy(&exchange, &SingleAttemptExchange::finished);
    QElapsedTimer clock;
    clock.start();
    exchange.start(server.url(QStringLiteral("/apps/a/addons")), "POST", {{"Accept", "application/json"}},
                   R"({"plan":"cleardb:ignite"})", timeoutMs);
    Outcome outcome;
    outcome.finished = spy.wait(waitMs);
    outcome.elapsedMs = clock.elapsed();
    if (outcome.finished)
        outcome.answer = spy.first().first().value<HttpAnswer>();
    return outcome;
}
} // namespace

class TestSingleAttemptExchange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<HttpAnswer>(); }
    void readsAnswers_data();
    void readsAnswers();
    void refusesBadChunkSizes_data();
    void refusesBadChunkSizes();
    void slowBodyHitsTotalDeadline();
    void silentServerHitsTotalDeadline();
    void oversizedBodyFailsEarly();
    void endlessChunksHitTheCap();
};

void TestSingleAttemptExchange::readsAnswers_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("delayMs"); // -1: the whole answer in one write, else one byte per write
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    const QByteArray chunked = Chunked + "4\r\n{\"id\r\n6;ext=1\r\n\":\"x\"}\r\n0\r\nChecksum: 1\r\n\r\n";
    QTest::newRow("chunked, whole") << chunked << -1 << 201 << QByteArray(R"({"id":"x"})");
    QTest::newRow("chunked, byte by byte") << chunked << 2 << 201 << QByteArray(R"({"id":"x"})");
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                               "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
    QTest::newRow("1xx skipped") << interim << -1 << 200 << QByteArray("{}");
    QTest::newRow("1xx skipped, byte by byte") << interim << 1 << 200 << QByteArray("{}");
    QTest::newRow("close-delimited") << QByteArray("HTTP/1.1 200 OK\r\n\r\nto the end") << -1 << 200
                                     << QByteArray("to the end");
    QTest::newRow("close-delimited, byte by byte")
        << QByteArray("HTTP/1.1 200 OK\r\n\r\nto the end") << 1 << 200 << QByteArray("to the end");
    QTest::newRow("204") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << -1 << 204 << QByteArray();
}

void TestSingleAttemptExchange::readsAnswers()
{
    QFETCH(QByteArray, answer);
    QFETCH(int, delayMs);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    if (delayMs < 0)
        server.setAnswer(answer);
    else
        server.setScript(ScriptedHttpServer::trickle(answer, delayMs));
    const HangWatchdog watchdog(QTest::currentDataTag(), 30000);
    const Outcome outcome = exchange(server, 10000);
    QVERIFY(outcome.finished);
    QVERIFY2(outcome.answer.transportError == QNetworkReply::NoError,
             qPrintable(outcome.answer.transportErrorText));
    QCOMPARE(outcome.answer.status, status);
    QCOMPARE(outcome.answer.body, body);
    // The request went out once, whole.
    QCOMPARE(server.connections(), 1);
    QVERIFY(server.received().startsWith("POST /apps/a/addons HTTP/1.1\r\n"));
    QVERIFY(server.received().endsWith(R"({"plan":"cleardb:ignite"})"));
}

void TestSingleAttemptExchange::refusesBadChunkSizes_data()
{
    QTest::addColumn<QByteArray>("sizeLine");
    QTest::newRow("-6") << QByteArray("-6");
    QTest::newRow("+5") << QByteArray("+5");
    QTest::newRow("overflow") << QByteArray("ffffffffffffffffff");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("5 junk") << QByteArray("5 junk");
    QTest::newRow("bare LF") << QByteArray("5\n");
}

void TestSingleAttemptExchange::refusesBadChunkSizes()
{
    QFETCH(QByteArray, sizeLine);
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    // The connection stays open: the error must come from the parser, not from the close.
    server.setCloseAtEnd(false);
    server.setAnswer(Chunked + "3\r\nabc\r\n" + sizeLine + "\r\nhello!\r\n0\r\n\r\n");
    // A size that moves the read position backwards once looped here, eating memory.
    const HangWatchdog watchdog(QTest::currentDataTag(), 10000);
    const Outcome outcome = exchange(server, 5000);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.answer.status, 0);
    QVERIFY2(outcome.answer.transportError == QNetworkReply::ProtocolFailure,
             qPrintable(outcome.answer.transportErrorText));
    QVERIFY2(outcome.answer.transportErrorText.contains(QLatin1String("chunk size")),
             qPrintable(outcome.answer.transportErrorText));
    QVERIFY2(outcome.elapsedMs < 3000, "the error must come at once, not from the deadline");
    QCOMPARE(server.connections(), 1);
}

void TestSingleAttemptExchange::slowBodyHitsTotalDeadline()
{
    // One byte every 200 ms keeps an idle timeout happy forever; a total deadline is not fooled.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    QList<ScriptedHttpServer::Step> steps = {{0, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"}};
    steps += ScriptedHttpServer::trickle(QByteArray(100, 'x'), 200);
    server.setScript(steps);
    const HangWatchdog watchdog("slow body", 15000);
    const Outcome outcome = exchange(server, 1500);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.answer.transportError, QNetworkReply::OperationCanceledError);
    QVERIFY2(outcome.elapsedMs >= 1400 && outcome.elapsedMs < 4000,
             qPrintable(QString::number(outcome.elapsedMs)));
    // Premise: the server really was still trickling when the deadline hit.
    QVERIFY(server.received().startsWith("POST "));
}

void TestSingleAttemptExchange::silentServerHitsTotalDeadline()
{
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setScript({{60000, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"}});
    const Outcome outcome = exchange(server, 800);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.answer.transportError, QNetworkReply::OperationCanceledError);
    QVERIFY(outcome.elapsedMs < 3000);
    QCOMPARE(server.connections(), 1);
}

void TestSingleAttemptExchange::oversizedBodyFailsEarly()
{
    // 17 MiB announced: refused from the head alone, without waiting for (or storing) the body.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    server.setCloseAtEnd(false);
    server.setAnswer("HTTP/1.1 200 OK\r\nContent-Length: 17825792\r\n\r\n{\"partial\":");
    const Outcome outcome = exchange(server, 5000);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.answer.transportError, QNetworkReply::UnknownContentError);
    QVERIFY2(outcome.answer.transportErrorText.contains(QLatin1String("16 MiB")),
             qPrintable(outcome.answer.transportErrorText));
    QVERIFY(outcome.elapsedMs < 3000);
}

void TestSingleAttemptExchange::endlessChunksHitTheCap()
{
    // 1 MiB chunks, 20 of them: past the 16 MiB cap the exchange gives up.
    ScriptedHttpServer server;
    QVERIFY(server.listen());
    const QByteArray chunk = "100000\r\n" + QByteArray(1024 * 1024, 'x') + "\r\n";
    QList<ScriptedHttpServer::Step> steps = {{0, Chunked}};
    for (int i = 0; i < 20; ++i)
        steps.append({5, chunk});
    server.setScript(steps);
    server.setCloseAtEnd(false);
    const HangWatchdog watchdog("endless chunks", 20000);
    const Outcome outcome = exchange(server, 10000);
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.answer.transportError, QNetworkReply::UnknownContentError);
    QVERIFY(outcome.answer.body.isEmpty());
}

QTEST_GUILESS_MAIN(TestSingleAttemptExchange)
#include "tst_singleattemptexchange.moc"
