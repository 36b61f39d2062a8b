// SPDX-License-Identifier: MIT
// Logging out from the console's account view against the real heroku-sim: a browser login's
// token loses its session and authorization at the sim (DELETEs sent once, seen in its request
// log), the account's API key stays valid and the view says why, and what could not be revoked is
// shown one line each while the stored token is still forgotten.
#include "SimHttp.h"
#include "SimProcess.h"
#include "SimRequestLog.h"
#include "TestProcesses.h"
#include "UiTestHelpers.h"
#include "account/AccountDialog.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using UiTest::child;

namespace {
const QString Host = QStringLiteral("127.0.0.1");
} // namespace

class TestAccountSignOut : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void browserLoginIsRevoked();
    void apiKeyIsKept();
    void failedRevokeIsShown();
    void herokuCliLoginIsLeftAlone();

private:
    QString logOut(const QString &token,
                   CredentialResolution::Source source = CredentialResolution::Source::Keychain);
    int status(const QString &token);

    SimProcess m_sim{QStringLiteral("account-signout-key-Hc2m")};
    QNetworkAccessManager m_network;
    InMemoryCredentialStore m_store;
    QTemporaryDir m_home;
};

void TestAccountSignOut::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestAccountSignOut::cleanup()
{
    SimHttp http(m_sim);
    http.send("DELETE", QStringLiteral("/__sim/faults"));
}

int TestAccountSignOut::status(const QString &token)
{
    SimHttp http(m_sim.baseUrl(), token);
    return http.get(QStringLiteral("/account")).status;
}

QString TestAccountSignOut::logOut(const QString &token, CredentialResolution::Source source)
{
    bool written = false;
    m_store.write(KeychainCredentialStore::serviceName(), Host, Secret(token), this,
                  [&written](const CredentialStoreResult &) { written = true; });
    if (!QTest::qWaitFor([&written] { return written; }, 5000) ||
        !m_store.contains(KeychainCredentialStore::serviceName(), Host))
        return QStringLiteral("(premise failed: the token was not stored)");
    ConsoleConnection connection;
    connection.endpoint = ApiEndpoint::fromSetting(m_sim.baseUrl());
    connection.token = Secret(token);
    connection.credentialKind = source;
    AccountDialog account(connection, QStringLiteral("sandbox@example.com"), &m_store);
    account.setHomeDir(m_home.path());
    account.setNetwork(&m_network);
    account.show();
    QSignalSpy loggedOut(&account, &AccountDialog::loggedOut);
    QTest::mouseClick(child<QPushButton>(&account, "logoutButton"), Qt::LeftButton);
    if (!loggedOut.wait(20000))
        return QStringLiteral("(no result)");
    if (m_store.contains(KeychainCredentialStore::serviceName(), Host))
        return QStringLiteral("(the token is still stored)");
    return child<QLabel>(&account, "logoutResult")->text();
}

void TestAccountSignOut::browserLoginIsRevoked()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    QCOMPARE(status(token.value()), 200);
    SimRequestLog log(m_sim);
    const QString text = logOut(token.value());
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/oauth/sessions/~")), 1);
    QCOMPARE(log.lines().filter(QStringLiteral("DELETE /oauth/authorizations/")).size(), 1);
    const QStringList lines = text.split(QLatin1Char('\n'));
    QVERIFY2(lines.value(0).startsWith(QStringLiteral("Logged out: ")), qPrintable(text));
    QVERIFY2(lines.value(1).startsWith(QStringLiteral("Revoked at Heroku: the session, the authorization ")),
             qPrintable(text));
    QCOMPARE(status(token.value()), 401);
    QCOMPARE(status(m_sim.token()), 200);
}

void TestAccountSignOut::apiKeyIsKept()
{
    SimRequestLog log(m_sim);
    const QString text = logOut(m_sim.token());
    QCOMPARE(log.lines().filter(QStringLiteral("DELETE /oauth/authorizations/")).size(), 0);
    QVERIFY2(text.startsWith(QStringLiteral("Logged out: ")) && text.contains(QStringLiteral("API key")) &&
                 !text.contains(QStringLiteral("Revoked at Heroku")),
             qPrintable(text));
    QCOMPARE(status(m_sim.token()), 200);
}

void TestAccountSignOut::failedRevokeIsShown()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    SimHttp http(m_sim);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"), "DELETE /oauth/sessions/~=500*1").status,
             200);
    SimRequestLog log(m_sim);
    const QString text = logOut(token.value());
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/oauth/sessions/~")), 1);
    // The session stayed; the token's own authorization was still revoked, so the token is dead.
    QVERIFY2(text.contains(QStringLiteral("\nCould not revoke the session: ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Revoked at Heroku: the authorization ")), qPrintable(text));
    QCOMPARE(status(token.value()), 401);
}

void TestAccountSignOut::herokuCliLoginIsLeftAlone()
{
    // The Heroku CLI's browser login: revoking its token would sign the CLI out behind its back.
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    SimRequestLog log(m_sim);
    const QString text = logOut(token.value(), CredentialResolution::Source::HerokuCli);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QVERIFY2(text.contains(QStringLiteral("heroku logout")), qPrintable(text));
    QCOMPARE(status(token.value()), 200);
}

QTEST_MAIN(TestAccountSignOut)
#include "tst_accountsignout.moc"
