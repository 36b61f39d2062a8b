// SPDX-License-Identifier: MIT
// Writes happen once: no POST, PATCH or DELETE is sent again, by us or by Qt's HTTP stack,
// after a 429, a 503, a timeout or a connection dropped before the answer. heroku-sim's
// faults and its request log are the ground truth.
#include "HerokuClientTestSupport.h"
#include "SimRequestLog.h"
#include "heroku/AddonProvisioner.h"

#include <QtTest>

class TestHerokuWritesOnce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void neverRetriesPostAfter429();
    void timedOutPostIsNotRepeated();
    void droppedPostIsNotRepeated();
    void deleteIsSentOnce_data();
    void deleteIsSentOnce();

private:
    std::unique_ptr<HerokuClient> clientFor(const SimProcess &sim)
    {
        return simClient(&m_network, sim, m_fastRetry);
    }
    QNetworkAccessManager m_network;
    RetryPolicy m_fastRetry = fastRetryPolicy();
};

void TestHerokuWritesOnce::initTestCase()
{
    qRegisterMetaType<HerokuResult>();
}

void TestHerokuWritesOnce::neverRetriesPostAfter429()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--faults"),
                       QStringLiteral("POST /apps/*/addons=429*1")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);
    const HerokuResult created = waitFor(client->createAddon(app, QStringLiteral("cleardb:ignite")));
    QCOMPARE(created.error.kind, HerokuError::Kind::RateLimited);
    QCOMPARE(created.httpRequests, 1);
    QVERIFY(created.error.message.contains(QLatin1String("nothing was changed")));
    QCOMPARE(addonCount(client.get(), app), 0);
}

void TestHerokuWritesOnce::timedOutPostIsNotRepeated()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("0"), QStringLiteral("--faults"),
                       QStringLiteral("POST /apps/*/addons=slow:2500")}));
    auto client = clientFor(sim);
    RetryPolicy impatient = m_fastRetry;
    impatient.timeoutMs = 500;
    client->setRetryPolicy(impatient);
    const QString app = sim.appName(2);

    AddonProvisioner provisioner(client.get());
    QSignalSpy done(&provisioner, &AddonProvisioner::finished);
    provisioner.start({app, QStringLiteral("cleardb:ignite"), QString(), true, 100, 10000});
    QVERIFY(done.wait(10000));
    const auto result = done.first().first().value<HerokuResult>();
    QCOMPARE(result.error.kind, HerokuError::Kind::Timeout);
    QCOMPARE(result.httpRequests, 1);
    QVERIFY2(result.error.message.contains(QLatin1String("may or may not")),
             qPrintable(result.error.message));
    QVERIFY(result.error.message.contains(QLatin1String("cleardbctl addons --app ")));

    // The sim finishes the slow POST; exactly one add-on exists, never two.
    client->setRetryPolicy(m_fastRetry);
    QTest::qWait(2500);
    QCOMPARE(addonCount(client.get(), app), 1);
}

void TestHerokuWritesOnce::droppedPostIsNotRepeated()
{
    // The sim creates the add-on, then closes the connection without answering:
    // the worst case for a client that retries behind the user's back.
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("0"), QStringLiteral("--faults"),
                       QStringLiteral("POST /apps/*/addons=drop*1")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);
    // Warm the keep-alive connection first: a dropped reused connection is where
    // HTTP stacks like to resend silently.
    QVERIFY(waitFor(client->account()).ok());
    const HerokuResult created = waitFor(client->createAddon(app, QStringLiteral("cleardb:ignite")));
    QCOMPARE(created.error.kind, HerokuError::Kind::Network);
    QVERIFY(created.error.outcomeUnknown);
    QVERIFY2(created.error.message.contains(QLatin1String("may or may not")),
             qPrintable(created.error.message));
    QCOMPARE(addonCount(client.get(), app), 1);
}

void TestHerokuWritesOnce::deleteIsSentOnce_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<bool>("restart"); // DELETE /apps/{app}/dynos instead of the add-on
    QTest::addColumn<int>("addonsAfter");
    QTest::newRow("remove, answer lost") << "DELETE /apps/*/addons/*=drop*1" << false << 0;
    QTest::newRow("remove, 503") << "DELETE /apps/*/addons/*=503*1" << false << 1;
    QTest::newRow("restart, answer lost") << "DELETE /apps/*/dynos=drop*1" << true << 1;
    QTest::newRow("restart, 503") << "DELETE /apps/*/dynos=503*1" << true << 1;
}

void TestHerokuWritesOnce::deleteIsSentOnce()
{
    // A DELETE is not harmless to repeat: the resend of a remove that worked fails with
    // "Couldn't find that add on", and a restart reaches the dynos twice. RFC 9110 calls
    // DELETE idempotent, but that is about the state it leaves, not the answer the user sees.
    QFETCH(QString, fault);
    QFETCH(bool, restart);
    QFETCH(int, addonsAfter);
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("0"), QStringLiteral("--log"), QStringLiteral("--faults"), fault}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);
    const HerokuResult created =
        waitFor(client->createAddon(app, QStringLiteral("cleardb:ignite"), QStringLiteral("doomed-db")));
    QVERIFY2(created.ok(), qPrintable(created.error.oneLine()));
    // Warm the keep-alive connection: a dropped reused connection is where Qt resends.
    QVERIFY(waitFor(client->account()).ok());

    SimRequestLog log(sim);
    const HerokuResult result = waitFor(restart ? client->restartAllDynos(app)
                                                : client->deleteAddon(app, QStringLiteral("doomed-db")));
    QTest::qWait(300); // a resend behind our back would show up by now
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QCOMPARE(result.httpRequests, 1);
    QVERIFY(!result.ok());
    QVERIFY(result.error.outcomeUnknown);
    QVERIFY2(result.error.message.contains(QLatin1String("may or may not")),
             qPrintable(result.error.message));
    QCOMPARE(addonCount(client.get(), app), addonsAfter);
}

QTEST_GUILESS_MAIN(TestHerokuWritesOnce)
#include "tst_herokuwritesonce.moc"
