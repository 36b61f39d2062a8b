// SPDX-License-Identifier: MIT
// BrowserLogin against heroku-sim's login host: approved in the "browser" (the page's form, posted
// as a browser would), the token is checked with GET /account and stored like a token login;
// denied, it ends in one line saying Heroku refused; cancelled while the poll is held, nothing is
// stored and the login host saw exactly one POST /auth; a 503 from a poll the host gave up on is
// polled again; an unreachable login host is named in the error.
#include "SimLoginPage.h"
#include "SimProcess.h"
#include "TestProcesses.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SecretRedactor.h"
#include "heroku/BrowserLogin.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

namespace {
const QString Token = QStringLiteral("browser-login-test-Vb61qWz3");
const QString Email = QStringLiteral("sandbox@example.com");
} // namespace

class TestBrowserLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void approvedIsCheckedAndStored();
    void approvedForAnotherAccountNamesIt();
    void deniedIsRefusedInOneLine();
    void cancelWhileWaitingStoresNothing();
    void unavailableAnswerIsPolledAgain();
    void unreachableLoginHostIsNamed();
    void plainHttpToAnotherMachineIsRefused();

private:
    BrowserLogin *login(InMemoryCredentialStore *store, const QString &home,
                        const QString &loginHost = QString());
    // The browser address, once the login has posted /auth.
    QUrl browserUrl(BrowserLogin *login);
    BrowserLoginOutcome outcome(QSignalSpy &finished, int timeoutMs = 15000);
    int loginHostCount(const QString &request);

    SimProcess m_sim{Token};
    QNetworkAccessManager m_network;
};

void TestBrowserLogin::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    // A poll is held for 700 ms, then answered 503 ("poll again"), so a test sees re-polls quickly.
    QVERIFY2(
        m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log"),
                     QStringLiteral("--account"), QStringLiteral("dev@example.com=browser-login-dev-Kq83"),
                     QStringLiteral("--login-poll-ms"), QStringLiteral("700")}),
        qPrintable(m_sim.errorString()));
    QVERIFY(m_sim.loginUrl().isValid());
}

BrowserLogin *TestBrowserLogin::login(InMemoryCredentialStore *store, const QString &home,
                                      const QString &loginHost)
{
    auto *login = new BrowserLogin(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()), store, this);
    QProcessEnvironment env;
    env.insert(QStringLiteral("HEROKU_LOGIN_HOST"),
               loginHost.isEmpty() ? m_sim.loginUrl().toString() : loginHost);
    login->setEnvironment(env);
    login->setHomeDir(home);
    login->setMachineName(QStringLiteral("test-machine"));
    login->setRetryDelayMs(50);
    return login;
}

QUrl TestBrowserLogin::browserUrl(BrowserLogin *login)
{
    QSignalSpy ready(login, &BrowserLogin::browserUrlReady);
    login->start();
    if (!ready.wait(10000))
        return QUrl();
    return ready.first().first().toUrl();
}

BrowserLoginOutcome TestBrowserLogin::outcome(QSignalSpy &finished, int timeoutMs)
{
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return makeError(Error::Kind::Timeout, QStringLiteral("test: no result"));
    // Result has no default constructor, which QVariant::value() needs: read the stored copy.
    return *static_cast<const BrowserLoginOutcome *>(finished.first().first().constData());
}

int TestBrowserLogin::loginHostCount(const QString &request)
{
    m_sim.process().waitForReadyRead(50);
    QCoreApplication::processEvents();
    return int(m_sim.standardError().count(QStringLiteral("heroku-sim: login ") + request));
}

void TestBrowserLogin::approvedIsCheckedAndStored()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    const int posts = loginHostCount(QStringLiteral("POST /auth -> 200"));
    BrowserLogin *browser = login(&store, home.path());
    QSignalSpy finished(browser, &BrowserLogin::finished);
    const QUrl url = browserUrl(browser);
    QVERIFY2(url.toString().startsWith(m_sim.loginUrl().toString() + QStringLiteral("/auth/cli/browser/")),
             qPrintable(url.toString()));
    QCOMPARE(SimLoginPage::approve(url), 200);
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().oneLine()));
    QCOMPARE(result->email, Email);
    // The token the login host minted, not the sim's seeded API key: it came from the browser flow.
    QVERIFY(result->token.reveal().startsWith(QStringLiteral("HRKU-")));
    QVERIFY(result->stored.keychain);
    QVERIFY(store.contains(KeychainCredentialStore::serviceName(), QStringLiteral("127.0.0.1")));
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
    QCOMPARE(loginHostCount(QStringLiteral("POST /auth -> 200")), posts + 1);
    // Both tokens are masked wherever text is printed.
    QVERIFY(!SecretRedactor::redact(result->token.reveal()).contains(QStringLiteral("HRKU-")));
}

void TestBrowserLogin::approvedForAnotherAccountNamesIt()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    BrowserLogin *browser = login(&store, home.path());
    QSignalSpy finished(browser, &BrowserLogin::finished);
    // The page offers both accounts; the e-mail must come from GET /account with the minted token.
    QCOMPARE(SimLoginPage::approve(browserUrl(browser), QStringLiteral("dev@example.com")), 200);
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().oneLine()));
    QCOMPARE(result->email, QStringLiteral("dev@example.com"));
    QVERIFY(store.contains(KeychainCredentialStore::serviceName(), QStringLiteral("127.0.0.1")));
}

void TestBrowserLogin::deniedIsRefusedInOneLine()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    BrowserLogin *browser = login(&store, home.path());
    QSignalSpy finished(browser, &BrowserLogin::finished);
    const QUrl url = browserUrl(browser);
    QCOMPARE(SimLoginPage::deny(url), 200);
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Remote);
    QCOMPARE(result.error().message, QStringLiteral("Heroku refused the sign-in: The login was denied in the "
                                                    "browser. Try again, or sign in with an API token."));
    QCOMPARE(store.operationCount(), 0);
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
}

void TestBrowserLogin::cancelWhileWaitingStoresNothing()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    const int posts = loginHostCount(QStringLiteral("POST /auth -> 200"));
    const int held = loginHostCount(QStringLiteral("GET /auth/cli/fetch/"));
    BrowserLogin *browser = login(&store, home.path());
    QSignalSpy finished(browser, &BrowserLogin::finished);
    const QUrl url = browserUrl(browser);
    QVERIFY(url.isValid());
    // The premise: a poll is out, held by the login host.
    QTRY_VERIFY_WITH_TIMEOUT(loginHostCount(QStringLiteral("GET /auth/cli/fetch/")) > held, 5000);
    browser->cancel();
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Cancelled);
    // Approving after the cancel changes nothing here: nobody is polling any more.
    SimLoginPage::approve(url);
    QTest::qWait(300);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(store.operationCount(), 0);
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
    QCOMPARE(loginHostCount(QStringLiteral("POST /auth -> ")), posts + 1);
}

void TestBrowserLogin::unavailableAnswerIsPolledAgain()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    BrowserLogin *browser = login(&store, home.path());
    QSignalSpy finished(browser, &BrowserLogin::finished);
    const QUrl url = browserUrl(browser);
    // The premise: the host held a poll, gave up on it after --login-poll-ms with 503 ("poll
    // again"), and was polled again: a second held poll of the same request.
    const QString held =
        QStringLiteral("GET /auth/cli/fetch/%1 -> held").arg(url.path().section(QLatin1Char('/'), -1));
    QTRY_VERIFY_WITH_TIMEOUT(loginHostCount(held) >= 2, 5000);
    QVERIFY(finished.isEmpty());
    QCOMPARE(SimLoginPage::approve(url), 200);
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().oneLine()));
    QCOMPARE(result->email, Email);
}

void TestBrowserLogin::unreachableLoginHostIsNamed()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    probe.close();
    InMemoryCredentialStore store;
    QTemporaryDir home;
    BrowserLogin *browser = login(&store, home.path(), closed);
    QSignalSpy finished(browser, &BrowserLogin::finished);
    QSignalSpy ready(browser, &BrowserLogin::browserUrlReady);
    browser->start();
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Network);
    QVERIFY2(
        result.error().message.startsWith(QStringLiteral("Could not reach the Heroku login host ") + closed),
        qPrintable(result.error().message));
    QVERIFY(result.error().message.contains(QStringLiteral("HEROKU_LOGIN_HOST")));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(store.operationCount(), 0);
}

void TestBrowserLogin::plainHttpToAnotherMachineIsRefused()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    BrowserLogin *browser = login(&store, home.path(), QStringLiteral("http://login.example.com"));
    QSignalSpy finished(browser, &BrowserLogin::finished);
    browser->start();
    const BrowserLoginOutcome result = outcome(finished);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(result.error().message.contains(QStringLiteral("plain http")),
             qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestBrowserLogin)
#include "tst_browserlogin.moc"
