// SPDX-License-Identifier: MIT
// What the client reads is bounded: a listing that never ends, a body trickled forever and an
// answer of hundreds of megabytes each end in one clear error, soon, with little memory. The
// servers are scripted (ScriptedApiServer) because heroku-sim answers like Heroku does.
#include "ScriptedApiServer.h"
#include "heroku/HerokuClient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <optional>

Q_DECLARE_METATYPE(HerokuResult)

namespace {
const QString Token = QStringLiteral("limits-test-token");

// The result, or nothing when the request did not finish within `timeoutMs`.
std::optional<HerokuResult> waitFor(HerokuRequest *request, int timeoutMs)
{
    QSignalSpy spy(request, &HerokuRequest::finished);
    if (!spy.wait(timeoutMs))
        return std::nullopt;
    return spy.first().first().value<HerokuResult>();
}
} // namespace

class TestHerokuRequestLimits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void repeatedNextRangeEndsTheListing();
    void endlessListingStopsAtThePageLimit();
    void pageLimitIsSettable();
    void trickledBodyFailsAtTheDeadline();
    void callDeadlineBoundsRetries();
    void oversizedAnswerIsRefused_data();
    void oversizedAnswerIsRefused();

private:
    std::unique_ptr<HerokuClient> clientFor(const ScriptedApiServer &server, const RetryPolicy &policy = {},
                                            const ResponseLimits &limits = {});
    QNetworkAccessManager m_network;
};

void TestHerokuRequestLimits::initTestCase()
{
    qRegisterMetaType<HerokuResult>();
}

std::unique_ptr<HerokuClient> TestHerokuRequestLimits::clientFor(const ScriptedApiServer &server,
                                                                 const RetryPolicy &policy,
                                                                 const ResponseLimits &limits)
{
    auto client = std::make_unique<HerokuClient>(&m_network, ApiEndpoint::fromSetting(server.baseUrl()));
    client->setToken(Token);
    client->setRetryPolicy(policy);
    client->setResponseLimits(limits);
    return client;
}

void TestHerokuRequestLimits::repeatedNextRangeEndsTheListing()
{
    ScriptedApiServer server(ScriptedApiServer::Mode::SameNextRange);
    QVERIFY(server.listen());
    auto client = clientFor(server);
    const auto result = waitFor(client->apps(), 10000);
    QVERIFY2(result,
             qPrintable(QStringLiteral("the listing never ended (%1 requests)").arg(server.requests())));
    // Premise: the server did send the same Next-Range back, and the client did follow it once.
    QCOMPARE(server.ranges().size(), 2);
    QCOMPARE(server.ranges().at(1), QByteArray("]01234567-89ab-cdef-0123-456789abcdef..; max=1000"));
    QCOMPARE(result->error.kind, HerokuError::Kind::InvalidResponse);
    QVERIFY2(result->error.message.contains(QLatin1String("Next-Range")), qPrintable(result->error.message));
    QVERIFY(!result->error.message.contains(QLatin1Char('\n')));
    QCOMPARE(result->httpRequests, 2);
}

void TestHerokuRequestLimits::endlessListingStopsAtThePageLimit()
{
    ScriptedApiServer server(ScriptedApiServer::Mode::EndlessPages);
    QVERIFY(server.listen());
    auto client = clientFor(server);
    const auto result = waitFor(client->apps(), 30000);
    QVERIFY2(result,
             qPrintable(QStringLiteral("the listing never ended (%1 requests)").arg(server.requests())));
    QCOMPARE(server.requests(), 1000); // the default limit
    QCOMPARE(result->error.kind, HerokuError::Kind::InvalidResponse);
    QVERIFY2(result->error.message.contains(QLatin1String("1000 pages")), qPrintable(result->error.message));
}

void TestHerokuRequestLimits::pageLimitIsSettable()
{
    ScriptedApiServer server(ScriptedApiServer::Mode::EndlessPages);
    QVERIFY(server.listen());
    ResponseLimits limits;
    limits.maxPages = 5;
    auto client = clientFor(server, {}, limits);
    const auto result = waitFor(client->apps(), 10000);
    QVERIFY(result);
    QCOMPARE(server.requests(), 5);
    QCOMPARE(result->error.kind, HerokuError::Kind::InvalidResponse);
    QVERIFY2(result->error.message.contains(QLatin1String("after 5 pages")),
             qPrintable(result->error.message));
}

void TestHerokuRequestLimits::trickledBodyFailsAtTheDeadline()
{
    ScriptedApiServer server(ScriptedApiServer::Mode::Trickle);
    QVERIFY(server.listen());
    RetryPolicy policy;
    policy.timeoutMs = 600;
    auto client = clientFor(server, policy);
    QElapsedTimer clock;
    clock.start();
    const auto result = waitFor(client->apps(), 5000);
    // Premise: the body kept coming, so an idle timeout alone would never fire.
    QVERIFY(server.bodyBytesSent() > 10);
    QVERIFY2(result, "a body trickled one byte at a time was waited on forever");
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result->error.kind, HerokuError::Kind::Timeout);
    QVERIFY2(result->error.message.contains(QLatin1String("in time")), qPrintable(result->error.message));
}

void TestHerokuRequestLimits::callDeadlineBoundsRetries()
{
    // Up to 100 retries one second apart would take 100 s; the call deadline ends them at 1.5 s.
    ScriptedApiServer server(ScriptedApiServer::Mode::Unavailable);
    QVERIFY(server.listen());
    RetryPolicy policy;
    policy.maxRetries = 100;
    policy.timeoutMs = 300;
    policy.callTimeoutMs = 1500;
    auto client = clientFor(server, policy);
    QElapsedTimer clock;
    clock.start();
    const auto result = waitFor(client->account(), 10000);
    QVERIFY(result);
    QVERIFY2(server.requests() >= 2, "premise: the client was retrying"); // at 0 s and 1 s
    QVERIFY2(clock.elapsed() < 4000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(result->error.kind, HerokuError::Kind::Timeout);
    QVERIFY2(result->error.message.contains(QLatin1String("within 1.5 s")),
             qPrintable(result->error.message));
}

void TestHerokuRequestLimits::oversizedAnswerIsRefused_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<qint64>("cap");
    QTest::addColumn<QString>("capText");
    const qint64 MiB = 1024 * 1024;
    QTest::newRow("Content-Length 400 MB")
        << int(ScriptedApiServer::Mode::DeclaredHuge) << 32 * MiB << "32 MiB";
    QTest::newRow("chunked 400 MB") << int(ScriptedApiServer::Mode::StreamedHuge) << 32 * MiB << "32 MiB";
    QTest::newRow("chunked, 1 MiB cap") << int(ScriptedApiServer::Mode::StreamedHuge) << MiB << "1 MiB";
}

void TestHerokuRequestLimits::oversizedAnswerIsRefused()
{
    QFETCH(int, mode);
    QFETCH(qint64, cap);
    QFETCH(QString, capText);
    ScriptedApiServer server(static_cast<ScriptedApiServer::Mode>(mode));
    QVERIFY(server.listen());
    ResponseLimits limits;
    limits.maxBodyBytes = cap;
    auto client = clientFor(server, {}, limits);
    QElapsedTimer clock;
    clock.start();
    const auto result = waitFor(client->account(), 30000);
    QVERIFY(server.requests() == 1); // premise: the huge answer was offered
    QVERIFY(result);
    qInfo("server sent %lld body bytes", server.bodyBytesSent());
    // Bounded memory: the client stopped reading near the cap (plus what socket buffers hold),
    // long before 400 MB.
    QVERIFY2(server.bodyBytesSent() < cap + 16 * 1024 * 1024,
             qPrintable(QString::number(server.bodyBytesSent())));
    QCOMPARE(result->error.kind, HerokuError::Kind::InvalidResponse);
    QVERIFY2(result->error.message.contains(QStringLiteral("larger than ") + capText),
             qPrintable(result->error.message));
    QVERIFY(!result->error.message.contains(QLatin1Char('\n')));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
}

QTEST_GUILESS_MAIN(TestHerokuRequestLimits)
#include "tst_herokurequestlimits.moc"
