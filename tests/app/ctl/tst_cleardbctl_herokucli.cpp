// SPDX-License-Identifier: MIT
// cleardbctl finds the Heroku CLI's login as `heroku login` leaves it on a Linux desktop: the token in
// a real Secret Service (gnome-keyring-daemon on a private bus, written by secret-tool exactly as the CLI
// writes it) and the current account in login.json. When that keyring is locked or absent it falls back
// to ~/.netrc with a warning, in bounded time, and login.json is never touched.
#include "CtlProcess.h"
#include "SecretServiceSession.h"
#include "SimProcess.h"
#include "SimRequestLog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {
const QString Token = QStringLiteral("HRKU-ctl-herokucli-token-Zx81");
const QString Email = QStringLiteral("cli-user@example.com");
const QByteArray LoginJson = "{\"account\":\"cli-user@example.com\"}\n";
} // namespace

class TestCleardbctlHerokuCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void appsUseTheHerokuCliLogin();
    void loginAlsoSignsInTheHerokuCliOnlyWhenAsked();
    void accountsListAndSwitch();
    void ownLoginWinsOverTheHerokuCliLogin();
    void logoutLeavesTheHerokuCliLoginAlone();
    void absentSecretServiceFallsBackToNetrc();
    void lockedKeyringFallsBackToNetrc();

private:
    void useSession(const SecretServiceSession &session);
    void writeNetrc(const QString &home);
    QByteArray loginJsonBytes(const SecretServiceSession &session) const;

    SimProcess m_sim{Token};
    SecretServiceSession m_keyring;
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctlHerokuCli::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    QVERIFY2(m_keyring.start(), qPrintable(m_keyring.errorString()));
    QVERIFY(m_keyring.storeLikeHerokuCli(Email, Token));
    QVERIFY(m_keyring.writeLoginJson(Email));
    m_ctl = new CtlProcess(m_sim);
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
    useSession(m_keyring);
}

void TestCleardbctlHerokuCli::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctlHerokuCli::useSession(const SecretServiceSession &session)
{
    const QProcessEnvironment env = session.environment();
    for (const QString &name :
         {QStringLiteral("HOME"), QStringLiteral("XDG_DATA_HOME"), QStringLiteral("XDG_CONFIG_HOME"),
          QStringLiteral("XDG_CACHE_HOME"), QStringLiteral("XDG_RUNTIME_DIR"),
          QStringLiteral("DBUS_SESSION_BUS_ADDRESS")})
        m_ctl->environment().insert(name, env.value(name));
}

void TestCleardbctlHerokuCli::writeNetrc(const QString &home)
{
    QFile netrc(QDir(home).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::WriteOnly));
    netrc.write("machine " + QUrl(m_sim.baseUrl()).authority().toUtf8() +
                " login netrc@example.com password " + Token.toUtf8() + "\n");
    QVERIFY(netrc.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
}

QByteArray TestCleardbctlHerokuCli::loginJsonBytes(const SecretServiceSession &session) const
{
    QFile file(session.loginJsonPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCleardbctlHerokuCli::appsUseTheHerokuCliLogin()
{
    // The premise: no other place holds a token (no HEROKU_API_KEY, no ~/.netrc).
    QVERIFY(!m_ctl->environment().contains(QStringLiteral("HEROKU_API_KEY")));
    QVERIFY(!QFile::exists(QDir(m_keyring.home()).filePath(QStringLiteral(".netrc"))));
    const CtlProcess::Run run = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(SimProcess::appName(0)), qPrintable(run.out));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QCOMPARE(loginJsonBytes(m_keyring), LoginJson);
}

void TestCleardbctlHerokuCli::loginAlsoSignsInTheHerokuCliOnlyWhenAsked()
{
    const QStringList lookup{QStringLiteral("lookup"), QStringLiteral("service"),
                             QStringLiteral("heroku-cli"), QStringLiteral("account"),
                             QStringLiteral("sandbox@example.com")};
    // A plain login leaves the Heroku CLI alone: its login.json and its items stay as they were.
    const CtlProcess::Run plain = m_ctl->run({QStringLiteral("login")}, Token.toUtf8() + '\n');
    QVERIFY2(plain.finished && plain.exitCode == 0, qPrintable(plain.err));
    QCOMPARE(loginJsonBytes(m_keyring), LoginJson);
    QCOMPARE(m_keyring.secretTool(lookup), 1); // secret-tool: nothing stored for that account

    const CtlProcess::Run shared =
        m_ctl->run({QStringLiteral("login"), QStringLiteral("--also-heroku-cli")}, Token.toUtf8() + '\n');
    QVERIFY2(shared.finished && shared.exitCode == 0, qPrintable(shared.err));
    QVERIFY2(shared.out.contains(
                 QStringLiteral("The Heroku CLI is signed in as sandbox@example.com (GNOME Keyring / "
                                "Secret Service)")),
             qPrintable(shared.out));
    // What the Heroku CLI itself reads: `secret-tool lookup service heroku-cli account <email>`, login.json.
    QByteArray stored;
    QCOMPARE(m_keyring.secretTool(lookup, {}, &stored), 0);
    QCOMPARE(stored, Token.toUtf8());
    QCOMPARE(loginJsonBytes(m_keyring), QByteArray("{\"account\":\"sandbox@example.com\"}\n"));
    QCOMPARE(QFileInfo(m_keyring.loginJsonPath()).permissions() & 0x0077, QFileDevice::Permissions());

    // Back to the state the other tests expect: the CLI on its first account, nothing of ours stored.
    QCOMPARE(m_keyring.secretTool({QStringLiteral("clear"), QStringLiteral("service"),
                                   QStringLiteral("heroku-cli"), QStringLiteral("account"),
                                   QStringLiteral("sandbox@example.com")}),
             0);
    QVERIFY(m_keyring.writeLoginJson(Email));
    const CtlProcess::Run logout = m_ctl->run({QStringLiteral("logout")});
    QVERIFY2(logout.finished && logout.exitCode == 0, qPrintable(logout.err));
}

void TestCleardbctlHerokuCli::accountsListAndSwitch()
{
    // A second account of the Heroku CLI, whose token heroku-sim refuses: which token a command sends
    // shows in its answer.
    const QString other = QStringLiteral("other@example.com");
    QVERIFY(m_keyring.storeLikeHerokuCli(other, QStringLiteral("HRKU-other-token-the-sim-refuses")));
    const auto accounts = [this] {
        const CtlProcess::Run run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("accounts")});
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    };
    const auto currentOf = [](const QJsonObject &listing) {
        for (const QJsonValue &account : listing.value(QStringLiteral("accounts")).toArray()) {
            if (account[QStringLiteral("current")].toBool())
                return account[QStringLiteral("email")].toString();
        }
        return QString();
    };

    QJsonObject listing = accounts();
    QCOMPARE(listing.value(QStringLiteral("accounts")).toArray().size(), 2);
    QCOMPARE(currentOf(listing), Email);
    const QJsonArray first = listing.value(QStringLiteral("accounts")).toArray();
    QCOMPARE(first.at(0)[QStringLiteral("email")].toString(), Email);
    QCOMPARE(first.at(0)[QStringLiteral("sources")].toArray(),
             (QJsonArray{QStringLiteral("heroku-cli"), QStringLiteral("heroku-cli-current")}));
    QCOMPARE(first.at(1)[QStringLiteral("sources")].toArray(), QJsonArray{QStringLiteral("heroku-cli")});
    QCOMPARE(listing.value(QStringLiteral("token"))[QStringLiteral("source")].toString(),
             QStringLiteral("heroku-cli"));
    const CtlProcess::Run text = m_ctl->run({QStringLiteral("accounts")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(
        text.out.contains(QStringLiteral("In use: the API key from the Heroku CLI's login (GNOME Keyring / "
                                         "Secret Service, cli-user@example.com)")),
        qPrintable(text.out));
    QVERIFY2(text.out.contains(QRegularExpression(
                 QStringLiteral("\\ncli-user@example\\.com +heroku-cli heroku-cli-current +current\\n"))),
             qPrintable(text.out));

    // Switch: the listing, and the token every later command sends, follow.
    CtlProcess::Run use = m_ctl->run({QStringLiteral("accounts"), QStringLiteral("use"), other});
    QVERIFY2(use.exitCode == 0, qPrintable(use.err));
    listing = accounts();
    QCOMPARE(currentOf(listing), other);
    QCOMPARE(listing.value(QStringLiteral("token"))[QStringLiteral("email")].toString(), other);
    const CtlProcess::Run refused = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.errLine().contains(QStringLiteral("nvalid credentials")), qPrintable(refused.err));

    // Only a stored account can be chosen.
    const CtlProcess::Run unknown =
        m_ctl->run({QStringLiteral("accounts"), QStringLiteral("use"), QStringLiteral("nobody@example.com")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.errLine().contains(QStringLiteral("no stored account nobody@example.com")),
             qPrintable(unknown.err));

    use = m_ctl->run({QStringLiteral("accounts"), QStringLiteral("use"), Email});
    QVERIFY2(use.exitCode == 0, qPrintable(use.err));
    const CtlProcess::Run back = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(back.exitCode == 0 && back.out.contains(SimProcess::appName(0)), qPrintable(back.err));
    // Switching is ours: the Heroku CLI's own current account never changed.
    QCOMPARE(loginJsonBytes(m_keyring), LoginJson);
    QCOMPARE(m_keyring.secretTool({QStringLiteral("clear"), QStringLiteral("service"),
                                   QStringLiteral("heroku-cli"), QStringLiteral("account"), other}),
             0);
    QVERIFY(QFile::remove(m_keyring.environment().value(QStringLiteral("XDG_CONFIG_HOME")) +
                          QStringLiteral("/cleardb-console/accounts.json")));
}

void TestCleardbctlHerokuCli::ownLoginWinsOverTheHerokuCliLogin()
{
    // The Heroku CLI is signed in as an account whose token heroku-sim refuses, so which token a
    // command sends shows in its answer.
    const QString stale = QStringLiteral("stale@example.com");
    const QString own = QStringLiteral("sandbox@example.com"); // the account Token belongs to on the sim
    QVERIFY(m_keyring.storeLikeHerokuCli(stale, QStringLiteral("HRKU-stale-token-the-sim-refuses")));
    QVERIFY(m_keyring.writeLoginJson(stale));
    const CtlProcess::Run before = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(before.exitCode, 1); // the premise: the CLI's login is what a command uses now

    // Signing in here, as someone else, is what the next commands use, and it is listed.
    const CtlProcess::Run login = m_ctl->run({QStringLiteral("login")}, Token.toUtf8() + '\n');
    QVERIFY2(login.finished && login.exitCode == 0, qPrintable(login.err));
    const CtlProcess::Run apps = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(apps.exitCode == 0 && apps.out.contains(SimProcess::appName(0)), qPrintable(apps.err));
    const CtlProcess::Run listed = m_ctl->run({QStringLiteral("accounts")});
    QVERIFY2(listed.out.contains(QRegularExpression(
                 QStringLiteral("\\nsandbox@example\\.com +cleardb-console chosen +current\\n"))),
             qPrintable(listed.out));
    QVERIFY2(
        listed.out.contains(QStringLiteral("In use: the API key from the system keychain (%1)").arg(own)),
        qPrintable(listed.out));
    QCOMPARE(loginJsonBytes(m_keyring), QByteArray("{\"account\":\"stale@example.com\"}\n"));

    // Switching to the Heroku CLI's account and back.
    CtlProcess::Run use = m_ctl->run({QStringLiteral("accounts"), QStringLiteral("use"), stale});
    QVERIFY2(use.exitCode == 0, qPrintable(use.err));
    QCOMPARE(m_ctl->run({QStringLiteral("apps")}).exitCode, 1);
    use = m_ctl->run({QStringLiteral("accounts"), QStringLiteral("use"), own});
    QVERIFY2(use.exitCode == 0, qPrintable(use.err));
    const CtlProcess::Run back = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(back.exitCode == 0 && back.out.contains(SimProcess::appName(0)), qPrintable(back.err));

    // Logging out here forgets our login and the choice: the Heroku CLI's login is used again.
    const CtlProcess::Run logout = m_ctl->run({QStringLiteral("logout"), QStringLiteral("--local-only")});
    QVERIFY2(logout.finished && logout.exitCode == 0, qPrintable(logout.err));
    const CtlProcess::Run after = m_ctl->run({QStringLiteral("--json"), QStringLiteral("accounts")});
    const QJsonObject afterListing = QJsonDocument::fromJson(after.out.toUtf8()).object();
    QCOMPARE(afterListing.value(QStringLiteral("token"))[QStringLiteral("email")].toString(), stale);
    for (const QJsonValue &account : afterListing.value(QStringLiteral("accounts")).toArray())
        QVERIFY2(account[QStringLiteral("email")].toString() != own, qPrintable(after.out));

    QCOMPARE(m_keyring.secretTool({QStringLiteral("clear"), QStringLiteral("service"),
                                   QStringLiteral("heroku-cli"), QStringLiteral("account"), stale}),
             0);
    QVERIFY(m_keyring.writeLoginJson(Email));
}

void TestCleardbctlHerokuCli::absentSecretServiceFallsBackToNetrc()
{
    SecretServiceSession absent;
    QVERIFY2(absent.start(SecretServiceSession::Mode::Absent), qPrintable(absent.errorString()));
    QVERIFY(absent.writeLoginJson(Email));
    useSession(absent);
    writeNetrc(absent.home());
    QElapsedTimer clock;
    clock.start();
    const CtlProcess::Run run = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    useSession(m_keyring);
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(SimProcess::appName(0)));
    QVERIFY2(run.err.contains(
                 QStringLiteral("warning: the Heroku CLI is signed in as cli-user@example.com, but its "
                                "token could not be read: no Secret Service is available")),
             qPrintable(run.err));
    QCOMPARE(loginJsonBytes(absent), LoginJson);
}

void TestCleardbctlHerokuCli::lockedKeyringFallsBackToNetrc()
{
    QVERIFY2(m_keyring.restartLocked(), qPrintable(m_keyring.errorString()));
    writeNetrc(m_keyring.home());
    QElapsedTimer clock;
    clock.start();
    const CtlProcess::Run run = m_ctl->run({QStringLiteral("apps")});
    qInfo("cleardbctl apps with a locked keyring took %lld ms", clock.elapsed());
    QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(SimProcess::appName(0)));
    QVERIFY2(run.err.contains(
                 QStringLiteral("warning: the Heroku CLI is signed in as cli-user@example.com, but its "
                                "token could not be read: the keyring that holds it is locked")),
             qPrintable(run.err));
    QCOMPARE(loginJsonBytes(m_keyring), LoginJson);
}

void TestCleardbctlHerokuCli::logoutLeavesTheHerokuCliLoginAlone()
{
    // The Heroku CLI signed in through the browser: a token with a session, which a revoke would end.
    const Result<QString> cliToken = m_sim.approvedLoginToken(QStringLiteral("sandbox@example.com"));
    QVERIFY2(cliToken.ok(), cliToken ? "" : qPrintable(cliToken.error().oneLine()));
    QVERIFY(m_keyring.storeLikeHerokuCli(QStringLiteral("sandbox@example.com"), cliToken.value()));
    QVERIFY(m_keyring.writeLoginJson(QStringLiteral("sandbox@example.com")));
    const CtlProcess::Run before = m_ctl->run({QStringLiteral("accounts")});
    QVERIFY2(before.finished && before.exitCode == 0, qPrintable(before.err));
    QVERIFY2(before.out.contains(QStringLiteral("Heroku CLI")), qPrintable(before.out)); // the token in use

    SimRequestLog log(m_sim);
    const CtlProcess::Run logout = m_ctl->run({QStringLiteral("logout")});
    QVERIFY2(logout.finished && logout.exitCode == 0, qPrintable(logout.err));
    // Revoking would sign the Heroku CLI out behind its back; `heroku logout` is the way to do that.
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QVERIFY2(logout.out.contains(QStringLiteral("heroku logout")), qPrintable(logout.out));
    QVERIFY(!logout.out.contains(cliToken.value()) && !logout.err.contains(cliToken.value()));
    const CtlProcess::Run after = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(after.finished && after.exitCode == 0, qPrintable(after.err)); // the CLI's login still works
    QCOMPARE(loginJsonBytes(m_keyring), QByteArray("{\"account\":\"sandbox@example.com\"}\n"));

    QCOMPARE(m_keyring.secretTool({QStringLiteral("clear"), QStringLiteral("service"),
                                   QStringLiteral("heroku-cli"), QStringLiteral("account"),
                                   QStringLiteral("sandbox@example.com")}),
             0);
    QVERIFY(m_keyring.writeLoginJson(Email));
}

QTEST_GUILESS_MAIN(TestCleardbctlHerokuCli)
#include "tst_cleardbctl_herokucli.moc"
