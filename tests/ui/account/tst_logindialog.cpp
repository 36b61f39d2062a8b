// SPDX-License-Identifier: MIT
// Sign-in and the account view against the real heroku-sim: a token Heroku refuses shows an inline
// error and stores nothing; the right one is verified with GET /account and stored in the keychain
// (an InMemoryCredentialStore here), or in ~/.netrc under a temporary HOME when no keychain answers;
// the account view says where the credentials came from and logs out.
#include "SimProcess.h"
#include "SimRequestLog.h"
#include "TestProcesses.h"
#include "account/AccountActions.h"
#include "account/AccountDialog.h"
#include "account/LoginDialog.h"
#include "credentials/HerokuCliLoginState.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

namespace {
template <typename T> T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QString::fromLatin1(name));
    if (!object)
        qFatal("no object named %s", name);
    return object;
}

const QString Host = QStringLiteral("127.0.0.1");
} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badTokenShowsInlineErrorAndStoresNothing();
    void rightTokenGoesToTheKeychain();
    void noKeychainFallsBackToNetrc();
    void accountViewExplainsSourceAndLogsOut();
    void signInFromTheWindowReopensIt();
    void alsoSignsInTheHerokuCliOnlyWhenChecked();

private:
    LoginDialog *dialog(InMemoryCredentialStore *store, const QString &home);
    void signIn(LoginDialog *dialog, const QString &token);

    SimProcess m_sim{QStringLiteral("login-test-token-Zq81vRk2")};
    QNetworkAccessManager m_network;
};

void TestLoginDialog::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

LoginDialog *TestLoginDialog::dialog(InMemoryCredentialStore *store, const QString &home)
{
    auto *login = new LoginDialog(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()), store);
    login->setHomeDir(home);
    login->show();
    return login;
}

void TestLoginDialog::signIn(LoginDialog *login, const QString &token)
{
    // The token is the second path, behind "Use an API token instead".
    auto *useToken = child<QPushButton>(login, "useTokenButton");
    if (useToken->isVisible())
        QTest::mouseClick(useToken, Qt::LeftButton);
    auto *edit = child<QLineEdit>(login, "tokenEdit");
    QVERIFY(edit->isVisible());
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    edit->clear();
    QTest::keyClicks(edit, token);
    QTest::mouseClick(child<QPushButton>(login, "signInButton"), Qt::LeftButton);
}

void TestLoginDialog::badTokenShowsInlineErrorAndStoresNothing()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    QPointer<LoginDialog> login = dialog(&store, home.path());
    QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
    SimRequestLog log(m_sim);
    signIn(login, QStringLiteral("not-the-right-token-1234"));
    auto *error = child<QLabel>(login, "loginError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(error->text().contains(QStringLiteral("did not accept")), qPrintable(error->text()));
    QVERIFY(error->text().contains(QStringLiteral("nothing was stored")));
    QVERIFY(!error->text().contains(QStringLiteral("not-the-right-token")));
    QCOMPARE(log.count(QStringLiteral("GET"), QStringLiteral("/account")), 1);
    QCOMPARE(signedIn.count(), 0);
    QCOMPARE(store.operationCount(), 0);
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
    // The dialog stays open for another try, the field ready to take the right token.
    QVERIFY(login->isVisible());
    QVERIFY(child<QLineEdit>(login, "tokenEdit")->isEnabled());
    delete login;
}

void TestLoginDialog::rightTokenGoesToTheKeychain()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    QPointer<LoginDialog> login = dialog(&store, home.path());
    QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
    signIn(login, m_sim.token());
    QVERIFY(signedIn.wait(10000));
    const auto connection = signedIn.first().at(0).value<ConsoleConnection>();
    const QString where = signedIn.first().at(2).toString();
    QVERIFY2(where.contains(QStringLiteral("system keychain")), qPrintable(where));
    QVERIFY(!where.contains(m_sim.token()));
    QVERIFY2(connection.token.reveal() == m_sim.token(), "the connection carries the verified token");
    QCOMPARE(connection.credentialKind, CredentialResolution::Source::Keychain);
    QVERIFY(store.contains(KeychainCredentialStore::serviceName(), Host));
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
    QTRY_VERIFY(!login || !login->isVisible());
}

void TestLoginDialog::noKeychainFallsBackToNetrc()
{
    InMemoryCredentialStore store;
    store.setFailure(CredentialStoreResult::Status::Unavailable, QStringLiteral("no Secret Service"));
    QTemporaryDir home;
    QPointer<LoginDialog> login = dialog(&store, home.path());
    QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
    signIn(login, m_sim.token());
    QVERIFY(signedIn.wait(10000));
    QVERIFY2(signedIn.first().at(2).toString().contains(QStringLiteral(".netrc")),
             qPrintable(signedIn.first().at(2).toString()));
    QCOMPARE(signedIn.first().at(0).value<ConsoleConnection>().credentialKind,
             CredentialResolution::Source::Netrc);
    QFile netrc(home.filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::ReadOnly));
    const QByteArray text = netrc.readAll();
    QVERIFY(text.contains("machine 127.0.0.1"));
    QVERIFY(text.contains(m_sim.token().toUtf8()));
    QCOMPARE(netrc.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void TestLoginDialog::accountViewExplainsSourceAndLogsOut()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    ConsoleConnection connection;
    connection.endpoint = ApiEndpoint::fromSetting(m_sim.baseUrl());
    connection.token = Secret(m_sim.token());

    connection.credentialKind = CredentialResolution::Source::Environment;
    QVERIFY(AccountDialog::explain(connection).contains(QStringLiteral("HEROKU_API_KEY")));
    connection.credentialKind = CredentialResolution::Source::Sandbox;
    QVERIFY(AccountDialog::explain(connection).contains(QStringLiteral("sandbox")));
    connection.credentialKind = CredentialResolution::Source::Netrc;
    QVERIFY(AccountDialog::explain(connection).contains(QStringLiteral("~/.netrc (machine 127.0.0.1)")));

    // Store a token the way sign-in does, then log out from the account view.
    {
        QPointer<LoginDialog> login = dialog(&store, home.path());
        QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
        signIn(login, m_sim.token());
        QVERIFY(signedIn.wait(10000));
    }
    QVERIFY(store.contains(KeychainCredentialStore::serviceName(), Host));
    connection.credentialKind = CredentialResolution::Source::Keychain;
    AccountDialog account(connection, QStringLiteral("dev@example.com"), &store);
    account.setHomeDir(home.path());
    account.show();
    QVERIFY(
        child<QLabel>(&account, "credentialSourceText")->text().contains(QStringLiteral("system keychain")));
    QCOMPARE(child<QLabel>(&account, "accountEmail")->text(), QStringLiteral("dev@example.com"));
    QSignalSpy loggedOut(&account, &AccountDialog::loggedOut);
    QTest::mouseClick(child<QPushButton>(&account, "logoutButton"), Qt::LeftButton);
    QVERIFY(loggedOut.wait(10000));
    QVERIFY(!store.contains(KeychainCredentialStore::serviceName(), Host));
    QVERIFY2(child<QLabel>(&account, "logoutResult")->text().startsWith(QStringLiteral("Logged out")),
             qPrintable(child<QLabel>(&account, "logoutResult")->text()));
}

void TestLoginDialog::signInFromTheWindowReopensIt()
{
    InMemoryCredentialStore store;
    QTemporaryDir home;
    MainWindow window(&m_network);
    window.accountActions()->setCredentialStore(&store);
    window.accountActions()->setHomeDir(home.path());
    ConsoleConnection sandbox;
    sandbox.endpoint = ApiEndpoint::fromSetting(m_sim.baseUrl());
    sandbox.token = Secret(m_sim.token());
    sandbox.credentialKind = CredentialResolution::Source::Sandbox;
    window.open(sandbox);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.accountActions()->signInAction()->trigger();
    LoginDialog *login = nullptr;
    QVERIFY(
        QTest::qWaitFor([&] { return (login = window.findChild<LoginDialog *>()) && login->isVisible(); }));
    signIn(login, m_sim.token());
    auto *bar = child<MessageBar>(&window, "messageBar");
    QTRY_VERIFY_WITH_TIMEOUT(bar->type() == MessageBar::Positive && bar->isVisible(), 10000);
    QVERIFY2(bar->text().contains(QStringLiteral("stored in the system keychain")), qPrintable(bar->text()));
    QVERIFY(store.contains(KeychainCredentialStore::serviceName(), Host));

    // The account view now tells where the token came from.
    window.accountActions()->accountAction()->trigger();
    AccountDialog *account = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] { return (account = window.findChild<AccountDialog *>()) && account->isVisible(); }));
    QVERIFY(
        child<QLabel>(account, "credentialSourceText")->text().contains(QStringLiteral("system keychain")));
    account->reject();
}

void TestLoginDialog::alsoSignsInTheHerokuCliOnlyWhenChecked()
{
    QTemporaryDir home;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    const QString loginJson = HerokuCliLoginState::filePath(environment);
    for (const bool checked : {false, true}) {
        InMemoryCredentialStore store;
        InMemoryCredentialStore cliStore;
        QPointer<LoginDialog> login = dialog(&store, home.path());
        login->setHerokuCliStore(&cliStore);
        login->setHerokuCliEnvironment(environment);
        auto *check = child<QCheckBox>(login, "alsoHerokuCliCheck");
        QVERIFY(!check->isChecked()); // never by default: the CLI's store is not ours to write unasked
        check->setChecked(checked);
        QSignalSpy signedIn(login.data(), &LoginDialog::signedIn);
        signIn(login, m_sim.token());
        QVERIFY(signedIn.wait(10000));
        const QString where = signedIn.first().at(2).toString();
        QVERIFY(store.contains(KeychainCredentialStore::serviceName(), Host));
        if (!checked) {
            QCOMPARE(cliStore.operationCount(), 0);
            QVERIFY(!QFile::exists(loginJson));
            continue;
        }
        QVERIFY(cliStore.contains(HerokuCliStore::serviceName(), QStringLiteral("sandbox@example.com")));
        QCOMPARE(HerokuCliLoginState::read(environment).valueOr({}), QStringLiteral("sandbox@example.com"));
        QVERIFY2(where.contains(QStringLiteral("The Heroku CLI is signed in as sandbox@example.com")),
                 qPrintable(where));
        QVERIFY(!where.contains(m_sim.token()));
    }
}

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
