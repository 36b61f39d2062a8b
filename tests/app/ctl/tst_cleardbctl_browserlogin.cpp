// SPDX-License-Identifier: MIT
// `cleardbctl login --browser` against heroku-sim's login host: the address is printed on stderr and
// handed to $BROWSER as one argument (a helper script here writes down what it was given); the
// test then approves or denies with the page's own form, as a browser would. Approved, the token is
// stored (~/.netrc: no session bus, so no keychain) and `cleardbctl apps` uses it; denied, one
// error line says Heroku refused; Ctrl+C while waiting stores nothing.
#include "CtlProcess.h"
#include "SimLoginPage.h"
#include "SimProcess.h"
#include "TestConfig.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {
const QString Email = QStringLiteral("sandbox@example.com");
const QString Prompt = QStringLiteral("Open this address in your browser to sign in: ");
} // namespace

class TestCleardbctlBrowserLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void approvedIsStoredAndUsed();
    void jsonPrintsOneObject();
    void deniedIsOneErrorLine();
    void browserThatCannotStartIsOnlyANote();
    void interruptWhileWaitingStoresNothing();

private:
    struct Running
    {
        QProcess process;
        QUrl url; // what $BROWSER was given
        QString err;
    };
    // Starts `cleardbctl [args] login --browser` and waits until $BROWSER has been run.
    bool start(CtlProcess &ctl, Running &running, const QStringList &args = {});
    void finish(Running &running, CtlProcess::Run &run);
    int authPosts();

    SimProcess m_sim{QStringLiteral("ctl-browser-login-Wm27zRt5")};
    QTemporaryDir m_bin;
    QString m_opened;
};

void TestCleardbctlBrowserLogin::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    // A "browser" that writes down its argument.
    m_opened = m_bin.filePath(QStringLiteral("opened"));
    QFile script(m_bin.filePath(QStringLiteral("browser")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nenv > \"" + m_opened.toUtf8() + ".env\"\nprintf '%s\\n' \"$1\" > \"" +
                 m_opened.toUtf8() + ".tmp\"\nmv \"" + m_opened.toUtf8() + ".tmp\" \"" + m_opened.toUtf8() +
                 "\"\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

int TestCleardbctlBrowserLogin::authPosts()
{
    m_sim.process().waitForReadyRead(50);
    return int(m_sim.standardError().count(QStringLiteral("heroku-sim: login POST /auth -> ")));
}

bool TestCleardbctlBrowserLogin::start(CtlProcess &ctl, Running &running, const QStringList &args)
{
    QFile::remove(m_opened);
    QProcessEnvironment env = ctl.environment();
    env.remove(QStringLiteral("HEROKU_API_KEY"));
    env.insert(QStringLiteral("HEROKU_LOGIN_HOST"), m_sim.loginUrl().toString());
    env.insert(QStringLiteral("BROWSER"), m_bin.filePath(QStringLiteral("browser")));
    // Credentials the user's shell may hold: none is the browser's business.
    env.insert(QStringLiteral("DATABASE_URL"), QStringLiteral("mysql://u:Db-pass-Qz71@db.example.com/x"));
    env.insert(QStringLiteral("DEPLOY_TOKEN"), QStringLiteral("deploy-token-Vw38"));
    running.process.setProcessEnvironment(env);
    running.process.start(QStringLiteral(CLEARDB_BIN_DIR "/cleardbctl"),
                          args + QStringList{QStringLiteral("login"), QStringLiteral("--browser")});
    running.process.closeWriteChannel();
    if (!QTest::qWaitFor([&] { return QFile::exists(m_opened); }, 10000))
        return false;
    QFile opened(m_opened);
    if (!opened.open(QIODevice::ReadOnly))
        return false;
    running.url = QUrl(QString::fromUtf8(opened.readAll().trimmed()));
    const bool prompted = QTest::qWaitFor([&] {
        running.err += QString::fromUtf8(running.process.readAllStandardError());
        return running.err.contains(Prompt);
    });
    return prompted && running.url.isValid();
}

void TestCleardbctlBrowserLogin::finish(Running &running, CtlProcess::Run &run)
{
    run.finished = running.process.waitForFinished(20000);
    run.exitCode = running.process.exitCode();
    run.out = QString::fromUtf8(running.process.readAllStandardOutput());
    run.err = running.err + QString::fromUtf8(running.process.readAllStandardError());
}

void TestCleardbctlBrowserLogin::approvedIsStoredAndUsed()
{
    CtlProcess ctl(m_sim);
    const int posts = authPosts();
    Running running;
    QVERIFY(start(ctl, running));
    // The same address on stderr and given to the browser, on the sim's login host.
    QVERIFY2(running.err.contains(Prompt + running.url.toString(QUrl::FullyEncoded)),
             qPrintable(running.err));
    QVERIFY(running.url.toString().startsWith(m_sim.loginUrl().toString() +
                                              QStringLiteral("/auth/cli/browser/")));
    // The browser lives on after we exit: it gets the desktop's environment, without credentials.
    QFile browserEnv(m_opened + QStringLiteral(".env"));
    QVERIFY(browserEnv.open(QIODevice::ReadOnly));
    const QByteArray seen = browserEnv.readAll();
    QVERIFY2(seen.contains("BROWSER="), seen.constData()); // the premise: this is the browser's environment
    for (const QByteArray &secret : {QByteArray("Db-pass-Qz71"), QByteArray("deploy-token-Vw38"),
                                     QByteArray("HEROKU_API_KEY="), m_sim.token().toUtf8()})
        QVERIFY2(!seen.contains(secret), secret.constData());
    QCOMPARE(SimLoginPage::approve(running.url), 200);
    CtlProcess::Run run;
    finish(running, run);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    const QString expected = QStringLiteral("Logged in as %1; token stored in ~/.netrc (127.0.0.1:%2)")
                                 .arg(Email)
                                 .arg(QUrl(m_sim.baseUrl()).port());
    QVERIFY2(run.out.startsWith(expected), qPrintable(run.out));
    QCOMPARE(authPosts(), posts + 1);
    QFile netrc(ctl.home() + QStringLiteral("/.netrc"));
    QVERIFY(netrc.open(QIODevice::ReadOnly));
    const QString stored = QString::fromUtf8(netrc.readAll());
    static const QRegularExpression password(QStringLiteral("password (HRKU-\\S+)"));
    const QString token = password.match(stored).captured(1);
    QVERIFY2(!token.isEmpty(), "the minted token went to ~/.netrc");
    QVERIFY(!run.out.contains(token) && !run.err.contains(token));

    // Signed in: the next command needs no HEROKU_API_KEY.
    ctl.environment().remove(QStringLiteral("HEROKU_API_KEY"));
    const CtlProcess::Run apps = ctl.run({QStringLiteral("apps")});
    QCOMPARE(apps.exitCode, 0);
    QVERIFY2(apps.out.contains(SimProcess::appName(0)), qPrintable(apps.out + apps.err));
}

void TestCleardbctlBrowserLogin::jsonPrintsOneObject()
{
    CtlProcess ctl(m_sim);
    Running running;
    QVERIFY(start(ctl, running, {QStringLiteral("--json")}));
    // The address is printed with --json too: the user must see it.
    QVERIFY(running.err.contains(Prompt));
    QCOMPARE(SimLoginPage::approve(running.url), 200);
    CtlProcess::Run run;
    finish(running, run);
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(object.value(QStringLiteral("email")).toString(), Email);
    QCOMPARE(object.value(QStringLiteral("keychain")).toBool(), false);
}

void TestCleardbctlBrowserLogin::deniedIsOneErrorLine()
{
    CtlProcess ctl(m_sim);
    Running running;
    QVERIFY(start(ctl, running));
    QCOMPARE(SimLoginPage::deny(running.url), 200);
    CtlProcess::Run run;
    finish(running, run);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLine(),
             QStringLiteral("error: Heroku refused the sign-in: The login was denied in the browser. "
                            "Try again, or sign in with an API token."));
    QVERIFY(run.out.isEmpty());
    QVERIFY(!QFile::exists(ctl.home() + QStringLiteral("/.netrc")));
}

void TestCleardbctlBrowserLogin::browserThatCannotStartIsOnlyANote()
{
    CtlProcess ctl(m_sim);
    QProcessEnvironment env = ctl.environment();
    env.remove(QStringLiteral("HEROKU_API_KEY"));
    env.insert(QStringLiteral("HEROKU_LOGIN_HOST"), m_sim.loginUrl().toString());
    env.insert(QStringLiteral("BROWSER"), m_bin.filePath(QStringLiteral("no-such-browser")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CLEARDB_BIN_DIR "/cleardbctl"),
                  {QStringLiteral("login"), QStringLiteral("--browser")});
    QString err;
    static const QRegularExpression printed(QRegularExpression::escape(Prompt) + QStringLiteral("(\\S+)"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += QString::fromUtf8(process.readAllStandardError());
            return err.contains(QStringLiteral("note: "));
        },
        10000));
    QVERIFY2(
        err.contains(QStringLiteral("note: Could not start %1 to open a browser; open the address yourself")
                         .arg(m_bin.filePath(QStringLiteral("no-such-browser")))),
        qPrintable(err));
    // The address is still there to open by hand, and the sign-in still works.
    const QUrl url(printed.match(err).captured(1));
    QVERIFY2(url.isValid() && !url.isEmpty(), qPrintable(err));
    QCOMPARE(SimLoginPage::approve(url), 200);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(QString::fromUtf8(process.readAllStandardOutput())
                .startsWith(QStringLiteral("Logged in as ") + Email));
}

void TestCleardbctlBrowserLogin::interruptWhileWaitingStoresNothing()
{
    CtlProcess ctl(m_sim);
    const int posts = authPosts();
    Running running;
    QVERIFY(start(ctl, running));
    ::kill(pid_t(running.process.processId()), SIGINT);
    CtlProcess::Run run;
    finish(running, run);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.errLine(), QStringLiteral("error: Sign-in cancelled; nothing was stored."));
    // Approving the abandoned request afterwards changes nothing here.
    SimLoginPage::approve(running.url);
    QVERIFY(!QFile::exists(ctl.home() + QStringLiteral("/.netrc")));
    QCOMPARE(authPosts(), posts + 1);
}

QTEST_GUILESS_MAIN(TestCleardbctlBrowserLogin)
#include "tst_cleardbctl_browserlogin.moc"
