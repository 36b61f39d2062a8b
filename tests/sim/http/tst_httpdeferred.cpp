// SPDX-License-Identifier: MIT
// Deferred answers (long polls) in heroku-sim's HTTP server: held until resolved, pipelined
// requests kept waiting behind them in order, a time-limit fallback, and a held request whose
// client disconnects is abandoned and freed without disturbing the server.
#include "sim/http/HttpServer.h"
#include "sim/http/PendingResponse.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <memory>

namespace {

// "/hold" is deferred (the PendingResponse is kept in `held`), "/expire" falls back to 503 after
// 300 ms, anything else answers 200 {"path"} at once. `handled` lists the paths handled so far.
struct DeferringServer
{
    DeferringServer()
        : server(
              [this](const HttpRequest &request) {
                  handled.append(request.path);
                  if (request.path == QLatin1String("/hold") || request.path == QLatin1String("/expire")) {
                      held = PendingResponse::create();
                      if (request.path == QLatin1String("/expire"))
                          held->expireAfter(300, HttpResponse::error(503, QStringLiteral("unavailable"),
                                                                     QStringLiteral("poll again")));
                      return HttpResponse::deferred(held);
                  }
                  return HttpResponse::json(200, QJsonObject{{QStringLiteral("path"), request.path}});
              },
              nullptr)
    {
    }
    HttpServer server;
    QStringList handled;
    std::shared_ptr<PendingResponse> held;
};

std::unique_ptr<QTcpSocket> connectTo(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

QByteArray get(const char *path)
{
    return QByteArray("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

} // namespace

class TestHttpDeferred : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heldAnswerKeepsPipelinedRequestsWaiting();
    void fallbackAnswersWhenNothingResolves();
    void disconnectAbandonsTheHeldAnswer();
};

void TestHttpDeferred::heldAnswerKeepsPipelinedRequestsWaiting()
{
    DeferringServer s;
    QVERIFY(s.server.listen(0));
    auto socket = connectTo(s.server.port());
    QVERIFY(socket);
    socket->write(get("/hold") + get("/after"));
    QTRY_COMPARE(s.handled, QStringList{QStringLiteral("/hold")});
    // Premise: the held request reached the handler; neither answer is sent while it is held, and
    // the pipelined request is not even handled.
    QTest::qWait(400);
    QCOMPARE(socket->bytesAvailable(), 0);
    QCOMPARE(s.handled, QStringList{QStringLiteral("/hold")});

    QVERIFY(s.held->resolve(
        HttpResponse::json(200, QJsonObject{{QStringLiteral("path"), QStringLiteral("held")}})));
    QByteArray received;
    QTRY_VERIFY((received += socket->readAll()).contains(R"({"path":"/after"})"));
    const int heldAt = received.indexOf(R"({"path":"held"})");
    QVERIFY2(heldAt >= 0 && heldAt < received.indexOf(R"({"path":"/after"})"), received.constData());
    QCOMPARE(received.count("HTTP/1.1 200"), 2);
    QCOMPARE(s.handled, (QStringList{QStringLiteral("/hold"), QStringLiteral("/after")}));
}

void TestHttpDeferred::fallbackAnswersWhenNothingResolves()
{
    DeferringServer s;
    QVERIFY(s.server.listen(0));
    auto socket = connectTo(s.server.port());
    QVERIFY(socket);
    QElapsedTimer clock;
    clock.start();
    socket->write(get("/expire"));
    QByteArray received;
    QTRY_VERIFY((received += socket->readAll()).contains("poll again"));
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(received.startsWith("HTTP/1.1 503"), received.constData());
    // Resolved once: a later resolve() is refused and sends nothing more.
    QVERIFY(!s.held->resolve(HttpResponse::json(200, QJsonObject())));
    QTest::qWait(100);
    QCOMPARE(socket->readAll(), QByteArray());
}

void TestHttpDeferred::disconnectAbandonsTheHeldAnswer()
{
    DeferringServer s;
    QVERIFY(s.server.listen(0));
    auto socket = connectTo(s.server.port());
    QVERIFY(socket);
    socket->write(get("/hold"));
    QTRY_VERIFY(s.held);
    QCOMPARE(s.server.connectionCount(), 1);
    QSignalSpy abandoned(s.held.get(), &PendingResponse::abandoned);
    socket->abort();

    QTRY_COMPARE(abandoned.count(), 1);
    QVERIFY(s.held->isAbandoned());
    QTRY_COMPARE(s.server.connectionCount(), 0);
    // Nothing is sent to a gone client: the answer stays with its owner for the next one.
    QVERIFY(!s.held->resolve(HttpResponse::json(200, QJsonObject())));
    // Freed once its owner lets go (the connection's reference went with the connection).
    const std::weak_ptr<PendingResponse> weak = s.held;
    QPointer<PendingResponse> object = s.held.get();
    s.held.reset();
    QVERIFY(weak.expired());
    QTRY_VERIFY(object.isNull());

    // The server is unaffected.
    auto next = connectTo(s.server.port());
    QVERIFY(next);
    next->write(get("/ok"));
    QByteArray received;
    QTRY_VERIFY((received += next->readAll()).contains(R"({"path":"/ok"})"));
}

QTEST_GUILESS_MAIN(TestHttpDeferred)
#include "tst_httpdeferred.moc"
