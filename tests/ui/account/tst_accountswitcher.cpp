// SPDX-License-Identifier: MIT
// The Account menu's "Switch account": the stored accounts (the Heroku CLI's, in its store; here an
// InMemoryCredentialStore standing in for the Secret Service, which tst_secretservicestore runs for real)
// listed with the current one checked; choosing another remembers it and hands over a connection with
// that account's token, which heroku-sim accepts; the Heroku CLI's login.json is left alone.
#include "SimProcess.h"
#include "account/AccountDialog.h"
#include "account/AccountSwitcher.h"
#include "credentials/AccountChoice.h"
#include "credentials/HerokuCliLoginState.h"
#include "credentials/HerokuCliStore.h"
#include "credentials/InMemoryCredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "heroku/HerokuClient.h"

#include <QAction>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

namespace {
const QString First = QStringLiteral("first@example.com");
const QString Second = QStringLiteral("second@example.com");
} // namespace

class TestAccountSwitcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsAndSwitches();
    void switchesToTheAccountSignedInHere();

private:
    // The Heroku CLI signed in as First, whose token heroku-sim refuses, in a private HOME.
    static QProcessEnvironment cliSignedInAsFirst(const SimProcess &sim, const QTemporaryDir &home,
                                                  InMemoryCredentialStore &cli);
    // A switcher over those stores, its menu filled.
    static AccountSwitcher *openedSwitcher(QWidget *window, const QProcessEnvironment &env,
                                           InMemoryCredentialStore *cli);
};

QProcessEnvironment TestAccountSwitcher::cliSignedInAsFirst(const SimProcess &sim, const QTemporaryDir &home,
                                                            InMemoryCredentialStore &cli)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("HEROKU_HOST"), sim.baseUrl());
    if (!HerokuCliLoginState::write(env, First).ok())
        return {};
    cli.write(HerokuCliStore::serviceName(), First, Secret(QStringLiteral("HRKU-refused-by-the-sim")),
              nullptr, [](auto &) {});
    return env;
}

AccountSwitcher *TestAccountSwitcher::openedSwitcher(QWidget *window, const QProcessEnvironment &env,
                                                     InMemoryCredentialStore *cli)
{
    auto *switcher = new AccountSwitcher(window);
    switcher->setEnvironment(env);
    switcher->setHerokuCliStore(cli);
    QSignalSpy refreshed(switcher, &AccountSwitcher::refreshed);
    Q_EMIT switcher->menu()->aboutToShow();
    return refreshed.wait(5000) ? switcher : nullptr;
}

void TestAccountSwitcher::listsAndSwitches()
{
    SimProcess sim(QStringLiteral("HRKU-switcher-token-Lp40"));
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("2")}), qPrintable(sim.errorString()));
    QTemporaryDir home;
    InMemoryCredentialStore cli;
    const QProcessEnvironment env = cliSignedInAsFirst(sim, home, cli);
    QVERIFY(!env.isEmpty());
    cli.write(HerokuCliStore::serviceName(), Second, Secret(sim.token()), nullptr, [](auto &) {});

    QWidget window;
    AccountSwitcher *switcher = openedSwitcher(&window, env, &cli);
    QVERIFY(switcher);
    QSignalSpy refreshed(switcher, &AccountSwitcher::refreshed);
    auto *first = switcher->menu()->findChild<QAction *>(QStringLiteral("switchAccount:") + First);
    auto *second = switcher->menu()->findChild<QAction *>(QStringLiteral("switchAccount:") + Second);
    QVERIFY(first && second);
    QVERIFY(first->isChecked()); // login.json names it
    QVERIFY(!second->isChecked());

    QSignalSpy switched(switcher, &AccountSwitcher::switched);
    QSignalSpy failed(switcher, &AccountSwitcher::failed);
    second->trigger();
    QVERIFY(switched.wait(5000));
    QCOMPARE(failed.count(), 0);
    const auto connection = switched.first().at(0).value<ConsoleConnection>();
    QCOMPARE(connection.credentialKind, CredentialResolution::Source::HerokuCli);
    QVERIFY2(connection.credentialSource.contains(Second), qPrintable(connection.credentialSource));
    QCOMPARE(AccountChoice::chosen(env, QStringLiteral("127.0.0.1")), Second);
    // The account view says where the token came from.
    const QString explained = AccountDialog::explain(connection);
    QVERIFY2(explained.startsWith(
                 QStringLiteral("From the Heroku CLI's login (GNOME Keyring / Secret Service, "
                                "second@example.com). Logging out here leaves the Heroku CLI signed in")),
             qPrintable(explained));
    QCOMPARE(HerokuCliLoginState::read(env).valueOr({}), First); // the CLI's current account is untouched

    // The handed-over connection really is the second account's: heroku-sim accepts its token.
    QNetworkAccessManager network;
    HerokuClient client(&network, connection.endpoint);
    client.setToken(connection.token.reveal());
    HerokuRequest *account = client.account();
    QSignalSpy answered(account, &HerokuRequest::finished);
    QVERIFY(answered.wait(10000));
    QVERIFY(answered.first().at(0).value<HerokuResult>().ok());

    // The menu follows the choice.
    Q_EMIT switcher->menu()->aboutToShow();
    QVERIFY(refreshed.wait(5000));
    QVERIFY(switcher->menu()->findChild<QAction *>(QStringLiteral("switchAccount:") + Second)->isChecked());
}

void TestAccountSwitcher::switchesToTheAccountSignedInHere()
{
    SimProcess sim(QStringLiteral("HRKU-switcher-own-token-Rb52"));
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}), qPrintable(sim.errorString()));
    QTemporaryDir home;
    InMemoryCredentialStore cli;
    const QProcessEnvironment env = cliSignedInAsFirst(sim, home, cli);
    QVERIFY(!env.isEmpty());
    // Our own keychain holds the sim's account, signed in here.
    InMemoryCredentialStore own;
    own.write(KeychainCredentialStore::serviceName(), QStringLiteral("127.0.0.1"), Secret(sim.token()),
              nullptr, [](auto &) {});
    const QString mine = QStringLiteral("sandbox@example.com");
    QVERIFY(AccountChoice::signedInHere(env, QStringLiteral("127.0.0.1"), mine).ok());
    QVERIFY(AccountChoice::choose(env, QStringLiteral("127.0.0.1"), First).ok());

    QWidget window;
    AccountSwitcher *switcher = openedSwitcher(&window, env, &cli);
    QVERIFY(switcher);
    switcher->setOwnStore(&own);
    auto *ours = switcher->menu()->findChild<QAction *>(QStringLiteral("switchAccount:") + mine);
    QVERIFY(ours);
    QVERIFY(!ours->isChecked());
    QCOMPARE(ours->toolTip(), QStringLiteral("Signed in with this console or cleardbctl"));

    QSignalSpy switched(switcher, &AccountSwitcher::switched);
    QSignalSpy failed(switcher, &AccountSwitcher::failed);
    ours->trigger();
    QVERIFY(switched.wait(5000));
    QCOMPARE(failed.count(), 0);
    const auto connection = switched.first().at(0).value<ConsoleConnection>();
    QCOMPARE(connection.credentialKind, CredentialResolution::Source::Keychain);
    QCOMPARE(connection.token.reveal(), sim.token());
    QCOMPARE(AccountChoice::chosen(env, QStringLiteral("127.0.0.1")), mine);
}

QTEST_MAIN(TestAccountSwitcher)
#include "tst_accountswitcher.moc"
