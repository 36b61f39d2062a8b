// SPDX-License-Identifier: MIT
// TokenLogin against heroku-sim: a token the API refuses is never stored; an accepted one goes to
// the keychain under the API host, or to ~/.netrc when the keychain is unavailable.
#include "SimProcess.h"
#include "TestProcesses.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "heroku/HerokuClient.h"
#include "heroku/TokenLogin.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestTokenLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refusedTokenIsNotStored();
    void acceptedTokenIsStoredInTheKeychain();
    void unavailableKeychainFallsBackToNetrc();

private:
    TokenLoginResult login(InMemoryCredentialStore *store, const QString &home, const QString &token);

    SimProcess m_sim{QStringLiteral("token-login-test-Hq27sLx0")};
    QNetworkAccessManager m_network;
};

void TestTokenLogin::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1")}), qPrintable(m_sim.errorString()));
}

TokenLoginResult TestTokenLogin::login(InMemoryCredentialStore *store, const QString &home,
                                       const QString &token)
{
    HerokuClient client(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()));
    TokenLogin login(&client, store);
    login.setHomeDir(home);
    QSignalSpy finished(&login, &TokenLogin::finished);
    login.login(Secret(token));
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<TokenLoginResult>();
}

void TestTokenLogin::refusedTokenIsNotStored()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    const TokenLoginResult result = login(&store, home.path(), QStringLiteral("wrong-token-0123456789"));
    QVERIFY(!result.verified());
    QCOMPARE(result.verifyError.httpStatus, 401);
    QVERIFY(!result.ok());
    QCOMPARE(store.operationCount(), 0);
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
}

void TestTokenLogin::acceptedTokenIsStoredInTheKeychain()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    const TokenLoginResult result = login(&store, home.path(), m_sim.token());
    QVERIFY2(result.ok(), qPrintable(result.verifyError.oneLine() + result.stored.error));
    QVERIFY(!result.email.isEmpty());
    QVERIFY(result.stored.keychain);
    QVERIFY(store.contains(KeychainCredentialStore::serviceName(), QStringLiteral("127.0.0.1")));
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
}

void TestTokenLogin::unavailableKeychainFallsBackToNetrc()
{
    InMemoryCredentialStore store;
    store.setFailure(CredentialStoreResult::Status::Unavailable, QStringLiteral("no Secret Service"));
    QTemporaryDir home;
    const TokenLoginResult result = login(&store, home.path(), m_sim.token());
    QVERIFY2(result.ok(), qPrintable(result.stored.error));
    QVERIFY(!result.stored.keychain);
    // The machine `heroku login` writes for this HEROKU_HOST: host and port, as the CLI's vars.apiHost.
    QCOMPARE(result.stored.netrcMachines, QStringList{QUrl(m_sim.baseUrl()).authority()});
    QVERIFY(QFile::exists(home.filePath(QStringLiteral(".netrc"))));
}

QTEST_GUILESS_MAIN(TestTokenLogin)
#include "tst_tokenlogin.moc"
