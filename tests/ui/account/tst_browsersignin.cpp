// SPDX-License-Identifier: MIT
// The sign-in dialog's first choice, the browser sign-in, against heroku-sim's login host: the
// address reaches the desktop's URL handler (QDesktopServices::setUrlHandler stands in for the
// browser) and is approved or denied with the page's own form, as a browser would post it; the
// approved token is checked and stored; a refusal is shown inline; a browser that cannot be opened
// is said, the address stays there to copy, and Cancel stops the wait with nothing stored.
#include "SimLoginPage.h"
#include "SimProcess.h"
#include "TestProcesses.h"
#include "UiTestHelpers.h"
#include "account/BrowserSignInPanel.h"
#include "account/LoginDialog.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using UiTest::child;

// The desktop's browser, as far as the console can tell: QDesktopServices hands it http URLs.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

class TestBrowserSignIn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void browserSignInIsTheDefaultAndStores();
    void deniedShowsTheRefusalInline();
    void browserNotOpenedIsSaidAndCancelStops();

private:
    LoginDialog *dialog();

    SimProcess m_sim{QStringLiteral("browser-signin-test-Pk40dNw7")};
    QNetworkAccessManager m_network;
    UrlCatcher m_browser;
    InMemoryCredentialStore *m_store = nullptr;
    QTemporaryDir *m_home = nullptr;
};

void TestBrowserSignIn::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
}

void TestBrowserSignIn::init()
{
    m_browser.urls.clear();
    m_store = new InMemoryCredentialStore;
    m_home = new QTemporaryDir;
}

void TestBrowserSignIn::cleanup()
{
    delete m_store;
    delete m_home;
}

LoginDialog *TestBrowserSignIn::dialog()
{
    auto *login = new LoginDialog(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()), m_store);
    login->setHomeDir(m_home->path());
    QProcessEnvironment env;
    env.insert(QStringLiteral("HEROKU_LOGIN_HOST"), m_sim.loginUrl().toString());
    login->browserPanel()->setEnvironment(env);
    login->show();
    return login;
}

void TestBrowserSignIn::browserSignInIsTheDefaultAndStores()
{
    QPointer<LoginDialog> login = dialog();
    QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
    auto *start = child<QPushButton>(login, "browserSignInButton");
    QVERIFY(start->isDefault());
    QVERIFY(!child<QLineEdit>(login, "tokenEdit")->isVisible());
    QVERIFY(child<QPushButton>(login, "useTokenButton")->isVisible());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.urls.size(), 1, 10000);
    const QUrl url = m_browser.urls.first();
    QVERIFY2(url.toString().startsWith(m_sim.loginUrl().toString() + QStringLiteral("/auth/cli/browser/")),
             qPrintable(url.toString()));
    QCOMPARE(child<QLineEdit>(login, "browserUrlEdit")->text(), url.toString(QUrl::FullyEncoded));
    QVERIFY(child<QPushButton>(login, "copyBrowserUrlButton")->isVisible());
    QVERIFY(!child<QLabel>(login, "browserOpenNote")->isVisible());
    QCOMPARE(child<QLabel>(login, "browserStatus")->text(),
             QStringLiteral("Waiting for you to approve in the browser…"));
    QVERIFY(child<QPushButton>(login, "cancelBrowserButton")->isVisible());
    QCOMPARE(SimLoginPage::approve(url), 200);
    QVERIFY(signedIn.wait(10000));
    const auto connection = signedIn.first().at(0).value<ConsoleConnection>();
    QCOMPARE(signedIn.first().at(1).toString(), QStringLiteral("sandbox@example.com"));
    QVERIFY2(connection.token.reveal().startsWith(QStringLiteral("HRKU-")),
             "the connection carries the token the browser sign-in minted");
    QVERIFY(signedIn.first().at(2).toString().contains(QStringLiteral("system keychain")));
    QVERIFY(m_store->contains(KeychainCredentialStore::serviceName(), QStringLiteral("127.0.0.1")));
    QTRY_VERIFY(!login || !login->isVisible());
}

void TestBrowserSignIn::deniedShowsTheRefusalInline()
{
    QPointer<LoginDialog> login = dialog();
    QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
    QTest::mouseClick(child<QPushButton>(login, "browserSignInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_browser.urls.size(), 1, 10000);
    QCOMPARE(SimLoginPage::deny(m_browser.urls.first()), 200);
    auto *error = child<QLabel>(login, "loginError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(error->text().startsWith(QStringLiteral("Heroku refused the sign-in: The login was denied")),
             qPrintable(error->text()));
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(m_store->operationCount(), 0);
    // Still open for another try, either way.
    QVERIFY(login->isVisible());
    QVERIFY(child<QPushButton>(login, "browserSignInButton")->isEnabled());
    QVERIFY(!child<QPushButton>(login, "cancelBrowserButton")->isVisible());
    delete login;
}

void TestBrowserSignIn::browserNotOpenedIsSaidAndCancelStops()
{
    QPointer<LoginDialog> login = dialog();
    QList<QUrl> offered;
    login->browserPanel()->setUrlOpener([&offered](const QUrl &url) {
        offered << url;
        return false;
    });
    QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
    QSignalSpy cancelled(login->browserPanel(), &BrowserSignInPanel::cancelled);
    QTest::mouseClick(child<QPushButton>(login, "browserSignInButton"), Qt::LeftButton);
    auto *note = child<QLabel>(login, "browserOpenNote");
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 10000);
    QVERIFY2(note->text().contains(QStringLiteral("Could not open a web browser")), qPrintable(note->text()));
    QCOMPARE(child<QLineEdit>(login, "browserUrlEdit")->text(), offered.first().toString(QUrl::FullyEncoded));
    QTest::mouseClick(child<QPushButton>(login, "cancelBrowserButton"), Qt::LeftButton);
    QVERIFY(cancelled.wait(5000));
    QCOMPARE(child<QLabel>(login, "browserStatus")->text(), QStringLiteral("Sign-in cancelled."));
    QVERIFY(child<QPushButton>(login, "browserSignInButton")->isEnabled());
    QVERIFY(!child<QLabel>(login, "loginError")->isVisible());
    // Approving the abandoned request now stores nothing: nobody waits for it any more.
    QCOMPARE(SimLoginPage::approve(offered.first()), 200);
    QTest::qWait(300);
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(m_store->operationCount(), 0);
    delete login;
}

QTEST_MAIN(TestBrowserSignIn)
#include "tst_browsersignin.moc"
