// SPDX-License-Identifier: MIT
// The real Heroku CLI (npm `heroku`, pinned) signs in through heroku-sim's login host the way a
// user does: `heroku login` without HEROKU_API_KEY, HEROKU_LOGIN_HOST at the sim, its "Press any
// key" prompt answered on a pty (it puts stdin in raw mode, so a pipe will not do), and Debian's
// headless chromium, driven through chromedriver, clicking Approve or Deny on the page the CLI
// opened. Approve: the CLI says `Logged in as <email>` and cleardbctl finds that login. Deny: the
// CLI exits non-zero with the refusal. The CLI's own words for login, auth:whoami and logout are
// logged (tokens masked) for the record.
//
// In the first two cases secret-tool is kept out of the CLI's PATH, so it stores the token in ~/.netrc
// (its choice when there is no native store) inside the private HOME and never touches a real keyring.
// The third is a Linux desktop's default: secret-tool found, a real Secret Service (gnome-keyring-daemon
// on a private bus) where the CLI stores the token, login.json naming the account, and cleardbctl
// reading both.
#include "CtlProcess.h"
#include "SecretServiceSession.h"
#include "SimProcess.h"
#include "WebDriver.h"
#include "credentials/SecretRedactor.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

namespace {
const QString Token = QStringLiteral("herokucli-login-token-Hq3Vx8");
const QString Email = QStringLiteral("sandbox@example.com");

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The master side of a pseudo-terminal whose slave becomes the CLI's stdin.
class PtyMaster
{
public:
    PtyMaster()
    {
        m_fd = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (m_fd >= 0 && (::grantpt(m_fd) != 0 || ::unlockpt(m_fd) != 0)) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~PtyMaster()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isOpen() const { return m_fd >= 0; }
    QString slaveName() const { return QString::fromLocal8Bit(::ptsname(m_fd)); }
    bool type(const char *text) const
    {
        const ssize_t length = ssize_t(qstrlen(text));
        return ::write(m_fd, text, size_t(length)) == length;
    }

private:
    int m_fd = -1;
};
} // namespace

class TestHerokuCliLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approveInTheBrowserLogsInAndCleardbctlFindsIt();
    void denyInTheBrowserIsRefused();
    void loginIntoTheKeyringIsFoundByCleardbctl();

private:
    QProcessEnvironment cliEnvironment(const QString &home) const;
    CliRun heroku(const QString &home, const QStringList &args);
    // Runs `heroku login`, clicks `button` on the page it opens; returns the CLI's run.
    CliRun browserLogin(const QString &home, const char *button, QString *pageText);
    // POST /auth requests the sim's login host has logged (`heroku-sim: login POST /auth -> 200`).
    int loginPosts();

    SimProcess m_sim{Token};
    QTemporaryDir m_bin; // node only: no secret-tool, no which
    // Set for the keyring case: the CLI's environment is that session's, with secret-tool and which.
    const SecretServiceSession *m_keyring = nullptr;
    QTemporaryDir m_keyringBin;
    WebDriver m_browser;
};

void TestHerokuCliLogin::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(HEROKUCLI_BIN)),
             "the Heroku CLI is not installed; run `ctest -R herokucli_npm_ci` (needs npm and the registry)");
    if (!WebDriver::available())
        QSKIP("chromium and chromium-driver are not installed (scripts/debian-packages.txt lists them)");
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    SecretRedactor::registerSecret(Token);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    QVERIFY(!node.isEmpty());
    QVERIFY(QFile::link(node, m_bin.filePath(QStringLiteral("node"))));
    QVERIFY2(m_browser.start(), qPrintable(m_browser.errorString()));
}

QProcessEnvironment TestHerokuCliLogin::cliEnvironment(const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISABLE_TELEMETRY"), QStringLiteral("true"));
    env.insert(QStringLiteral("HEROKU_SKIP_NEW_VERSION_CHECK"), QStringLiteral("true"));
    env.insert(QStringLiteral("HEROKU_DISABLE_AUTOUPDATE"), QStringLiteral("true"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("HEROKU_HOST"), m_sim.baseUrl());
    env.insert(QStringLiteral("HEROKU_LOGIN_HOST"), m_sim.loginUrl().toString());
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    // Found by `which secret-tool` the CLI would use the desktop's keyring: not in a test, unless it
    // is the test's own private one.
    env.insert(QStringLiteral("PATH"), m_bin.path());
    env.remove(QStringLiteral("HEROKU_API_KEY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    if (m_keyring) {
        const QProcessEnvironment keyring = m_keyring->environment();
        for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME",
                                 "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"})
            env.insert(QString::fromLatin1(name), keyring.value(QString::fromLatin1(name)));
        env.insert(QStringLiteral("PATH"), m_keyringBin.path());
    }
    env.remove(QStringLiteral("HEROKU_APP"));
    return env;
}

int TestHerokuCliLogin::loginPosts()
{
    m_sim.process().waitForReadyRead(100);
    return int(m_sim.standardError().count(QStringLiteral("heroku-sim: login POST /auth -> ")));
}

CliRun TestHerokuCliLogin::heroku(const QString &home, const QStringList &args)
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(home));
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(HEROKUCLI_BIN), args);
    CliRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    qInfo("$ heroku %s  -> exit %d\n--- stdout:\n%s\n--- stderr:\n%s",
          qPrintable(args.join(QLatin1Char(' '))), run.exitCode, qPrintable(SecretRedactor::redact(run.out)),
          qPrintable(SecretRedactor::redact(run.err)));
    return run;
}

CliRun TestHerokuCliLogin::browserLogin(const QString &home, const char *button, QString *pageText)
{
    CliRun run;
    // The CLI's first run otherwise warns once about changed terms of service.
    QDir().mkpath(home + QStringLiteral("/cache/heroku"));
    QFile terms(home + QStringLiteral("/cache/heroku/terms-of-service"));
    if (!terms.open(QIODevice::WriteOnly))
        return run;
    terms.close();
    PtyMaster pty;
    if (!pty.isOpen())
        return run;
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(home));
    process.setStandardInputFile(pty.slaveName());
    // A session of its own: the pty is its stdin, not a controlling terminal it could hang up.
    process.setChildProcessModifier([] { ::setsid(); });
    // `--browser` names the program `open` runs with the address: `true` opens nothing, and the
    // address is read from what the CLI prints, as a user would copy it.
    process.start(QStringLiteral(HEROKUCLI_BIN), {QStringLiteral("login"), QStringLiteral("--browser"),
                                                  QStandardPaths::findExecutable(QStringLiteral("true"))});
    QString err;
    const auto readErr = [&] {
        process.waitForReadyRead(100);
        err += QString::fromUtf8(process.readAllStandardError());
        return process.state() == QProcess::Running;
    };
    while (!err.contains(QStringLiteral("Press any key")) && readErr()) {
    }
    pty.type("\r");
    static const QRegularExpression opening(QStringLiteral("Opening browser to (\\S+)"));
    QRegularExpressionMatch match;
    while (!(match = opening.match(err)).hasMatch() && readErr()) {
    }
    if (match.hasMatch() && m_browser.navigate(QUrl(match.captured(1))) &&
        m_browser.click(QString::fromLatin1(button))) {
        // The form's answer replaces the page once it has loaded.
        if (!QTest::qWaitFor(
                [&] {
                    return (*pageText = m_browser.bodyText())
                        .contains(QStringLiteral("You may close this page"));
                },
                10000))
            qWarning("the page did not change within 10 s of the click");
    } else {
        *pageText = m_browser.errorString();
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = err + QString::fromUtf8(process.readAllStandardError());
    qInfo("$ heroku login --browser true  (clicked %s)  -> exit %d\n--- stdout:\n%s\n--- stderr:\n%s", button,
          run.exitCode, qPrintable(SecretRedactor::redact(run.out)),
          qPrintable(SecretRedactor::redact(run.err)));
    return run;
}

void TestHerokuCliLogin::approveInTheBrowserLogsInAndCleardbctlFindsIt()
{
    QTemporaryDir home;
    const int authsBefore = loginPosts();
    QString page;
    const CliRun login = browserLogin(home.path(), "#approve", &page);
    // The premise: the CLI went through the sim's login host, and the browser approved there.
    QCOMPARE(loginPosts(), authsBefore + 1);
    QVERIFY2(page.contains(QStringLiteral("Logged in as ") + Email), qPrintable(page));
    QCOMPARE(login.exitCode, 0);
    QVERIFY2(login.out.contains(QStringLiteral("Logged in as ") + Email), qPrintable(login.out + login.err));

    // No native store on its PATH: the CLI wrote its ~/.netrc entry for the sim's API host.
    QFile netrc(home.filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::ReadOnly));
    const QString entry = QString::fromUtf8(netrc.readAll());
    const QString machine = QUrl(m_sim.baseUrl()).authority();
    QVERIFY2(entry.contains(QStringLiteral("machine ") + machine), "netrc names the sim");
    static const QRegularExpression password(QStringLiteral("password (\\S+)"));
    const QString token = password.match(entry).captured(1);
    QVERIFY(!token.isEmpty());
    SecretRedactor::registerSecret(token);
    QVERIFY2(token != Token, "the browser login minted a token of its own");

    // cleardbctl, with the same HOME and no HEROKU_API_KEY, finds that login.
    CtlProcess ctl(m_sim);
    ctl.environment().insert(QStringLiteral("HOME"), home.path());
    ctl.environment().remove(QStringLiteral("HEROKU_API_KEY"));
    const CtlProcess::Run apps = ctl.run({QStringLiteral("apps")});
    QCOMPARE(apps.exitCode, 0);
    QVERIFY2(apps.out.contains(SimProcess::appName(0)), qPrintable(apps.out + apps.err));
    QVERIFY(!apps.out.contains(token) && !apps.err.contains(token));

    const CliRun whoami = heroku(home.path(), {QStringLiteral("auth:whoami")});
    QCOMPARE(whoami.exitCode, 0);
    QVERIFY2(whoami.out.contains(Email), qPrintable(whoami.out + whoami.err));
    m_sim.process().waitForReadyRead(100);
    const int revoked = int(m_sim.standardError().count(QStringLiteral("DELETE /oauth/sessions/~ -> 200")));
    const CliRun logout = heroku(home.path(), {QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    // The CLI revoked the session its browser login opened, on the sim.
    m_sim.process().waitForReadyRead(100);
    QCOMPARE(int(m_sim.standardError().count(QStringLiteral("DELETE /oauth/sessions/~ -> 200"))),
             revoked + 1);
    netrc.close();
    QVERIFY(netrc.open(QIODevice::ReadOnly));
    QVERIFY2(!QString::fromUtf8(netrc.readAll()).contains(token), "logout removed the token");
    for (const CliRun &run : {login, whoami, logout})
        QVERIFY(!run.out.contains(token) && !run.err.contains(token));
}

void TestHerokuCliLogin::denyInTheBrowserIsRefused()
{
    QTemporaryDir home;
    const int authsBefore = loginPosts();
    QString page;
    const CliRun login = browserLogin(home.path(), "#deny", &page);
    QCOMPARE(loginPosts(), authsBefore + 1);
    QVERIFY2(page.contains(QStringLiteral("The login was refused")), qPrintable(page));
    QVERIFY2(login.exitCode != 0, qPrintable(login.out));
    QVERIFY2(login.err.contains(QStringLiteral("denied")), qPrintable(login.err));
    QVERIFY(!login.out.contains(QStringLiteral("Logged in")));
    QVERIFY(!QFile::exists(home.filePath(QStringLiteral(".netrc"))));
}

void TestHerokuCliLogin::loginIntoTheKeyringIsFoundByCleardbctl()
{
    SecretServiceSession keyring;
    QVERIFY2(keyring.start(), qPrintable(keyring.errorString()));
    for (const char *tool : {"node", "which", "secret-tool"}) {
        const QString path = QStandardPaths::findExecutable(QString::fromLatin1(tool));
        QVERIFY2(!path.isEmpty(), tool);
        QFile::remove(m_keyringBin.filePath(QString::fromLatin1(tool)));
        QVERIFY(QFile::link(path, m_keyringBin.filePath(QString::fromLatin1(tool))));
    }
    m_keyring = &keyring;
    const auto restore = qScopeGuard([this] { m_keyring = nullptr; });
    const QString home = keyring.home();
    QString page;
    const CliRun login = browserLogin(home, "#approve", &page);
    QCOMPARE(login.exitCode, 0);
    QVERIFY2(login.out.contains(QStringLiteral("Logged in as ") + Email), qPrintable(login.out + login.err));

    // The premise: the CLI chose the Secret Service, as on a desktop: the token is there, under the
    // attributes it uses, login.json names the account, and no ~/.netrc was written.
    QByteArray token;
    QCOMPARE(keyring.secretTool({QStringLiteral("lookup"), QStringLiteral("service"),
                                 QStringLiteral("heroku-cli"), QStringLiteral("account"), Email},
                                {}, &token),
             0);
    QVERIFY(token.startsWith("HRKU-"));
    SecretRedactor::registerSecret(QString::fromUtf8(token));
    QFile loginJson(keyring.loginJsonPath());
    QVERIFY(loginJson.open(QIODevice::ReadOnly));
    QCOMPARE(loginJson.readAll(), QByteArray("{\"account\":\"") + Email.toUtf8() + "\"}\n");
    QVERIFY(!QFile::exists(home + QStringLiteral("/.netrc")));

    // cleardbctl in that desktop session, with no HEROKU_API_KEY, signs in with the CLI's login.
    CtlProcess ctl(m_sim);
    for (const char *name : {"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR",
                             "DBUS_SESSION_BUS_ADDRESS"})
        ctl.environment().insert(QString::fromLatin1(name),
                                 keyring.environment().value(QString::fromLatin1(name)));
    ctl.environment().remove(QStringLiteral("HEROKU_API_KEY"));
    const CtlProcess::Run apps = ctl.run({QStringLiteral("apps")});
    QCOMPARE(apps.exitCode, 0);
    QVERIFY2(apps.out.contains(SimProcess::appName(0)), qPrintable(apps.out + apps.err));
    const CtlProcess::Run accounts = ctl.run({QStringLiteral("accounts")});
    QVERIFY2(accounts.out.contains(QStringLiteral("from the Heroku CLI's login")),
             qPrintable(accounts.out + accounts.err));
    for (const CtlProcess::Run &run : {apps, accounts})
        QVERIFY(!run.out.contains(QString::fromUtf8(token)) && !run.err.contains(QString::fromUtf8(token)));

    // The CLI's logout clears its item again.
    const CliRun logout = heroku(home, {QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QCOMPARE(keyring.secretTool({QStringLiteral("lookup"), QStringLiteral("service"),
                                 QStringLiteral("heroku-cli"), QStringLiteral("account"), Email}),
             1);
}

QTEST_GUILESS_MAIN(TestHerokuCliLogin)
#include "tst_herokuclilogin.moc"
