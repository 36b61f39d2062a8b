// SPDX-License-Identifier: MIT
// heroku-sim's HTTP server under abuse: pipelined floods while an answer is delayed, a head or a
// body trickled byte by byte, idle keep-alive connections, and more connections than it serves.
#include "SimProcess.h"
#include "sim/http/HttpServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>
#include <memory>

namespace {

// Resident memory of a process in KiB (VmRSS in /proc/PID/status), or -1.
qint64 residentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// An in-process server answering 200 with the path and body size; "/slow" answers 2 s late and
// "/big" carries 256 KiB of padding. `handled` counts the requests that reached the handler.
std::unique_ptr<HttpServer> startServer(const HttpLimits &limits, int *handled = nullptr)
{
    auto server = std::make_unique<HttpServer>(
        [handled](const HttpRequest &request) {
            if (handled)
                ++*handled;
            HttpResponse response =
                HttpResponse::json(200, QJsonObject{{QStringLiteral("path"), request.path},
                                                    {QStringLiteral("body"), int(request.body.size())}});
            if (request.path == QLatin1String("/slow"))
                response.delayMs = 2000;
            if (request.path == QLatin1String("/big"))
                response.body += QByteArray(256 * 1024, ' ');
            return response;
        },
        nullptr);
    server->setLimits(limits);
    if (!server->listen(0))
        return nullptr;
    return server;
}

std::unique_ptr<QTcpSocket> connectTo(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

} // namespace

class TestHttpServerLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delayedAnswerDoesNotBufferPipelinedInput();
    void bufferedInputIsBoundedInProcess();
    void unreadAnswersStopTheConnection();
    void slowHeadIsCutOff();
    void slowBodyIsCutOff();
    void idleConnectionCloses();
    void connectionsBeyondTheCapAreRefused();
};

void TestHttpServerLimits::delayedAnswerDoesNotBufferPipelinedInput()
{
    // The real heroku-sim with its default limits: one request answered 5 s late, then ~96 MB of
    // legitimate pipelined requests (1 MB bodies). The simulator must not hold them in memory.
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--faults"),
                        QStringLiteral("GET /account=slow:5000*1")}),
             qPrintable(sim.errorString()));
    const qint64 pid = sim.process().processId();
    const QByteArray headers = "Host: x\r\nAuthorization: Bearer " + sim.token().toUtf8() +
                               "\r\nAccept: application/vnd.heroku+json; version=3\r\n";
    const QByteArray post = "POST /no-such-route HTTP/1.1\r\n" + headers + "Content-Length: 1000000\r\n\r\n" +
                            QByteArray(1000000, 'p');
    constexpr int posts = 96;
    const auto socket = connectTo(quint16(QUrl(sim.baseUrl()).port()));
    QVERIFY(socket);
    socket->write("GET /account HTTP/1.1\r\n" + headers + "\r\n");
    QVERIFY(socket->waitForBytesWritten(5000));
    QTest::qWait(200);
    const qint64 before = residentKiB(pid);
    QVERIFY(before > 0);

    // Push as much as the simulator takes for 3.5 s, well inside the 5 s delay.
    QElapsedTimer timer;
    timer.start();
    int queued = 0;
    while (queued < posts && timer.elapsed() < 3500) {
        if (socket->bytesToWrite() < 2 * post.size()) {
            socket->write(post);
            ++queued;
        } else {
            socket->waitForBytesWritten(50);
        }
    }
    const qint64 pushed = qint64(queued) * post.size() - socket->bytesToWrite();
    const qint64 during = residentKiB(pid);
    // Premise: the first answer is still delayed, so everything pushed is pipelined input.
    QVERIFY2(timer.elapsed() < 4500, "the flood took too long to measure inside the delay");
    QCOMPARE(socket->bytesAvailable(), qint64(0));
    qInfo("pushed %lld bytes into the connection; heroku-sim grew by %lld KiB", pushed, during - before);
    QVERIFY2(
        during - before < 16 * 1024,
        qPrintable(
            QStringLiteral("heroku-sim grew by %1 KiB while an answer was delayed").arg(during - before)));

    // Every pipelined request is still served, in order, once the delayed answer has gone out.
    QByteArray answers;
    timer.restart();
    while (answers.count("HTTP/1.1 ") < 1 + posts && timer.elapsed() < 60000 &&
           socket->state() == QAbstractSocket::ConnectedState) {
        if (queued < posts && socket->bytesToWrite() < 2 * post.size()) {
            socket->write(post);
            ++queued;
        }
        socket->waitForReadyRead(50);
        answers += socket->readAll();
    }
    QCOMPARE(answers.count("HTTP/1.1 "), 1 + posts);
    QVERIFY(answers.startsWith("HTTP/1.1 200 OK"));
}

void TestHttpServerLimits::bufferedInputIsBoundedInProcess()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.maxBodyBytes = 64 * 1024;
    limits.readBufferBytes = 16 * 1024;
    const auto server = startServer(limits);
    QVERIFY(server);
    const auto client = connectTo(server->port());
    QVERIFY(client);
    client->write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray post =
        "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n" + QByteArray(60000, 'p');
    constexpr int posts = 128;
    for (int i = 0; i < posts; ++i)
        client->write(post);
    const qint64 queued = client->bytesToWrite();
    QTest::qWait(1000);
    // Premise: megabytes left the client while the first answer is still delayed.
    QVERIFY2(
        queued - client->bytesToWrite() > 1024 * 1024,
        qPrintable(QStringLiteral("only %1 bytes left the client").arg(queued - client->bytesToWrite())));
    QCOMPARE(client->bytesAvailable(), qint64(0));
    QCOMPARE(server->connectionCount(), 1);
    const qint64 bound = limits.maxHeaderBytes + 2 + limits.maxBodyBytes + limits.readBufferBytes;
    QVERIFY2(server->bufferedBytes() <= bound,
             qPrintable(QStringLiteral("server holds %1 bytes of input").arg(server->bufferedBytes())));

    QByteArray answers;
    QTRY_VERIFY_WITH_TIMEOUT((answers += client->readAll()).count("HTTP/1.1 200") == 1 + posts, 30000);
    QCOMPARE(answers.count("\"body\":60000"), posts);
}

void TestHttpServerLimits::unreadAnswersStopTheConnection()
{
    // A peer that pipelines requests for large answers and never reads them: the server handles
    // only as many as fit its pending-output limit (plus what the kernel buffers), then waits.
    HttpLimits limits;
    limits.maxPendingOutputBytes = 64 * 1024;
    int handled = 0;
    const auto server = startServer(limits, &handled);
    QVERIFY(server);
    const auto client = connectTo(server->port());
    QVERIFY(client);
    client->setReadBufferSize(64 * 1024); // so the client's own buffer does not read everything
    constexpr int requests = 200;         // 200 x 256 KiB = 50 MiB of answers
    for (int i = 0; i < requests; ++i)
        client->write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::qWait(1500);
    QVERIFY2(handled > 0, "premise: the requests reached the server");
    QVERIFY2(handled < requests / 2, qPrintable(QStringLiteral("%1 requests handled unread").arg(handled)));
    qInfo("%d of %d requests handled while the peer read nothing", handled, requests);
    client->setReadBufferSize(0);

    // Reading resumes the connection: every request is answered. Answers are counted as they
    // stream by (keeping only a possible partial status line), not stored.
    int answers = 0;
    QByteArray pending;
    QElapsedTimer timer;
    timer.start();
    while (answers < requests && timer.elapsed() < 30000) {
        QTest::qWait(5);
        pending += client->readAll();
        qsizetype at = 0;
        while ((at = pending.indexOf("HTTP/1.1 200")) >= 0) {
            ++answers;
            pending.remove(0, at + 12);
        }
        pending = pending.right(11);
    }
    QCOMPARE(answers, requests);
    QCOMPARE(handled, requests);
}

void TestHttpServerLimits::slowHeadIsCutOff()
{
    // Slowloris: one byte of a head every 200 ms. The deadline runs from the first byte.
    HttpLimits limits;
    limits.headTimeoutMs = 2000;
    const auto server = startServer(limits);
    QVERIFY(server);
    const auto client = connectTo(server->port());
    QVERIFY(client);
    const QByteArray head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(200, 'a');
    QByteArray answer;
    int sent = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 6000 && client->state() == QAbstractSocket::ConnectedState &&
           !answer.contains("\r\n\r\n")) {
        client->write(head.mid(sent++, 1));
        QTest::qWait(200);
        answer += client->readAll();
    }
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(sent >= 8, "premise: the head kept trickling in");
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), qPrintable(QStringLiteral("after %1 ms and %2 bytes: \"%3\"")
                                                               .arg(elapsed)
                                                               .arg(sent)
                                                               .arg(QString::fromLatin1(answer.left(40)))));
    QVERIFY2(elapsed >= 1800 && elapsed < 3500, qPrintable(QString::number(elapsed)));
    QVERIFY(answer.contains("Connection: close"));
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == QAbstractSocket::UnconnectedState, 3000);
}

void TestHttpServerLimits::slowBodyIsCutOff()
{
    HttpLimits limits;
    limits.bodyTimeoutMs = 1500;
    const auto server = startServer(limits);
    QVERIFY(server);
    const auto client = connectTo(server->port());
    QVERIFY(client);
    client->write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
    QByteArray answer;
    int sent = 0;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 6000 && client->state() == QAbstractSocket::ConnectedState &&
           !answer.contains("\r\n\r\n")) {
        client->write("b");
        ++sent;
        QTest::qWait(200);
        answer += client->readAll();
    }
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(sent >= 6 && sent < 100, "premise: the body kept trickling in and never completed");
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), qPrintable(QString::fromLatin1(answer.left(40))));
    QVERIFY2(elapsed >= 1300 && elapsed < 3000, qPrintable(QString::number(elapsed)));
}

void TestHttpServerLimits::idleConnectionCloses()
{
    HttpLimits limits;
    limits.idleTimeoutMs = 1000;
    const auto server = startServer(limits);
    QVERIFY(server);
    // A connection that answered one request and then sends nothing is closed after the idle time.
    const auto client = connectTo(server->port());
    QVERIFY(client);
    client->write("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += client->readAll()).contains("\"path\":\"/one\""), 5000);
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(client->state() == QAbstractSocket::UnconnectedState, 4000);
    QVERIFY2(timer.elapsed() >= 800, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE(server->connectionCount(), 0);
}

void TestHttpServerLimits::connectionsBeyondTheCapAreRefused()
{
    HttpLimits limits;
    limits.maxConnections = 8;
    const auto server = startServer(limits);
    QVERIFY(server);
    std::vector<std::unique_ptr<QTcpSocket>> served;
    for (int i = 0; i < limits.maxConnections; ++i) {
        served.push_back(connectTo(server->port()));
        QVERIFY(served.back());
        QTRY_COMPARE(server->connectionCount(), i + 1);
    }
    std::vector<std::unique_ptr<QTcpSocket>> extra;
    for (int i = 0; i < 10; ++i) {
        extra.push_back(connectTo(server->port()));
        QVERIFY(extra.back());
    }
    for (const auto &socket : extra) {
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += socket->readAll(), socket->state() == QAbstractSocket::UnconnectedState), 5000);
        answer += socket->readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 503"), answer.left(40).constData());
        QVERIFY(answer.contains("Retry-After: 1"));
    }
    QCOMPARE(server->connectionCount(), limits.maxConnections);
    // The connections within the cap were not disturbed.
    for (const auto &socket : served) {
        socket->write("GET /still-here HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll()).contains("\"path\":\"/still-here\""), 5000);
        QVERIFY(answer.startsWith("HTTP/1.1 200 OK"));
    }
    // A freed slot serves a new connection.
    served.front()->disconnectFromHost();
    QTRY_COMPARE(server->connectionCount(), limits.maxConnections - 1);
    const auto again = connectTo(server->port());
    QVERIFY(again);
    again->write("GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += again->readAll()).contains("\"path\":\"/again\""), 5000);
}

QTEST_GUILESS_MAIN(TestHttpServerLimits)
#include "tst_httpserverlimits.moc"
