// SPDX-License-Identifier: MIT
// SignOut against the real heroku-sim: a browser login's token loses its session and its
// authorization, the account's API key is never revoked, a revoke the API refuses is reported
// with what to do while the stored token is still forgotten, and every DELETE reaches the sim
// exactly once (its request log is the witness).
#include "HerokuClientTestSupport.h"
#include "SimHttp.h"
#include "SimRequestLog.h"
#include "TestProcesses.h"
#include "credentials/CredentialWriter.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "heroku/SignOut.h"

#include <QTemporaryDir>
#include <QtTest>

Q_DECLARE_METATYPE(SignOutResult)

namespace {
const QString Host = QStringLiteral("127.0.0.1");
const QString SessionPath = QStringLiteral("/oauth/sessions/~");
} // namespace

class TestSignOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void browserLoginLosesSessionAndAuthorization();
    void apiKeyIsNeverRevoked();
    void refusedRevokesAreReportedAndTheTokenIsStillForgotten();
    void unknownApiKeyIsNotRevoked();
    void withoutTokenOnlyForgets();

private:
    SignOutResult signOut(const QString &token);
    int status(const QString &token);
    int authorizationDeletes(SimRequestLog &log);
    void arm(const QString &faults);

    SimProcess m_sim{QStringLiteral("sign-out-test-key-N4v8")};
    QNetworkAccessManager m_network;
    InMemoryCredentialStore m_store;
    QTemporaryDir m_home;
};

void TestSignOut::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestSignOut::cleanup()
{
    SimHttp http(m_sim);
    http.send("DELETE", QStringLiteral("/__sim/faults"));
}

void TestSignOut::arm(const QString &faults)
{
    SimHttp http(m_sim);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"), faults.toUtf8()).status, 200);
}

int TestSignOut::status(const QString &token)
{
    SimHttp http(m_sim.baseUrl(), token);
    return http.get(QStringLiteral("/account")).status;
}

int TestSignOut::authorizationDeletes(SimRequestLog &log)
{
    int deletes = 0;
    for (const QString &line : log.lines())
        deletes += line.startsWith(QStringLiteral("DELETE /oauth/authorizations/")) ? 1 : 0;
    return deletes;
}

SignOutResult TestSignOut::signOut(const QString &token)
{
    // The token is stored, as after a login, so forgetting it can be observed.
    bool written = false;
    m_store.write(KeychainCredentialStore::serviceName(), Host, Secret(token), this,
                  [&written](const CredentialStoreResult &) { written = true; });
    if (!QTest::qWaitFor([&written] { return written; }, 5000))
        return {};
    HerokuClient client(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()));
    client.setRetryPolicy(fastRetryPolicy());
    CredentialWriter writer(&m_store);
    writer.setApiHost(Host);
    writer.setHomeDir(m_home.path());
    SignOut signOut(&client, &writer);
    QSignalSpy finished(&signOut, &SignOut::finished);
    signOut.signOut(token.isEmpty() ? Secret() : Secret(token));
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<SignOutResult>();
}

void TestSignOut::browserLoginLosesSessionAndAuthorization()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    QCOMPARE(status(token.value()), 200); // premise: the login's token works
    SimRequestLog log(m_sim);
    const SignOutResult result = signOut(token.value());
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(authorizationDeletes(log), 1);
    QVERIFY2(result.revoked.contains(QStringLiteral("the session")), qPrintable(result.revoked.join(u'|')));
    QCOMPARE(result.revoked.size(), 2);
    QVERIFY2(result.notRevoked.isEmpty(), qPrintable(result.notRevoked.join(u'|')));
    QCOMPARE(status(token.value()), 401);
    QCOMPARE(status(m_sim.token()), 200); // the API key is untouched
    QVERIFY(result.local.ok);
    QVERIFY(!m_store.contains(KeychainCredentialStore::serviceName(), Host));
    for (const QString &line : result.revoked + result.notes)
        QVERIFY(!line.contains(token.value()));
}

void TestSignOut::apiKeyIsNeverRevoked()
{
    SimRequestLog log(m_sim);
    const SignOutResult result = signOut(m_sim.token());
    QCOMPARE(log.count(QStringLiteral("GET"), QStringLiteral("/oauth/authorizations/~")), 1);
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(authorizationDeletes(log), 0);
    QVERIFY2(result.revoked.isEmpty(), qPrintable(result.revoked.join(u'|')));
    QVERIFY(result.notRevoked.isEmpty());
    QCOMPARE(result.notes.size(), 1);
    QVERIFY2(result.notes.first().contains(QStringLiteral("API key")), qPrintable(result.notes.first()));
    QCOMPARE(status(m_sim.token()), 200);
    QVERIFY(result.local.ok);
    QVERIFY(!m_store.contains(KeychainCredentialStore::serviceName(), Host));
}

void TestSignOut::refusedRevokesAreReportedAndTheTokenIsStillForgotten()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    arm(QStringLiteral("DELETE /oauth/sessions/~=500*1;DELETE /oauth/authorizations/*=500*1"));
    SimRequestLog log(m_sim);
    const SignOutResult result = signOut(token.value());
    // Each DELETE went out once and got the injected 500; none was repeated.
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(authorizationDeletes(log), 1);
    QVERIFY2(log.lines().filter(QStringLiteral("DELETE")).filter(QStringLiteral("-> 500")).size() == 2,
             qPrintable(log.lines().join(u'|')));
    QCOMPARE(status(token.value()), 200); // premise of the report: nothing was revoked
    QVERIFY(result.revoked.isEmpty());
    QCOMPARE(result.notRevoked.size(), 2);
    QVERIFY2(result.notRevoked.at(0).startsWith(QStringLiteral("Could not revoke the session: ")) &&
                 result.notRevoked.at(0).contains(QStringLiteral("Account settings")),
             qPrintable(result.notRevoked.at(0)));
    QVERIFY2(result.notRevoked.at(1).startsWith(QStringLiteral("Could not revoke the authorization ")) &&
                 result.notRevoked.at(1).contains(QStringLiteral("heroku authorizations:revoke")),
             qPrintable(result.notRevoked.at(1)));
    for (const QString &line : result.notRevoked) {
        QVERIFY(!line.contains(u'\n'));
        QVERIFY(!line.contains(token.value()));
    }
    // The user asked to sign out: the stored token is gone even though Heroku still accepts it.
    QVERIFY(result.local.ok);
    QVERIFY(!m_store.contains(KeychainCredentialStore::serviceName(), Host));
}

void TestSignOut::unknownApiKeyIsNotRevoked()
{
    // When the default authorization cannot be read, this token might be the API key: revoking it
    // could break an integration, so only the session goes.
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    arm(QStringLiteral("GET /oauth/authorizations/~=500"));
    SimRequestLog log(m_sim);
    const SignOutResult result = signOut(token.value());
    QVERIFY(log.count(QStringLiteral("GET"), QStringLiteral("/oauth/authorizations/~")) >= 1);
    QCOMPARE(authorizationDeletes(log), 0);
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(result.notRevoked.size(), 1);
    QVERIFY2(result.notRevoked.first().startsWith(
                 QStringLiteral("Could not tell whether this token is the account's API key")),
             qPrintable(result.notRevoked.first()));
    QVERIFY(result.local.ok);
}

void TestSignOut::withoutTokenOnlyForgets()
{
    SimRequestLog log(m_sim);
    const SignOutResult result = signOut(QString());
    QVERIFY(result.revokeSkipped);
    QVERIFY(result.local.ok);
    QCOMPARE(log.total(), 0);
}

QTEST_MAIN(TestSignOut)
#include "tst_signout.moc"
