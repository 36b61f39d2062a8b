// SPDX-License-Identifier: MIT
// cleardbctl finds the Heroku CLI's login as `heroku login` leaves it on a Linux desktop: the token in
// a real Secret Service (gnome-keyring-daemon on a private bus, written by secret-tool exactly as the CLI
// writes it) and the current account in login.json. When that keyring is locked or absent it falls back
// to ~/.netrc with a warning, in bounded time, and login.json is never touched.
#include "CtlProcess.h"
#include "SecretServiceSession.h"
#include "SimProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
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
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(m_sim.errorString()));
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
    for (const QString &name : {QStringLiteral("HOME"), QStringLiteral("XDG_DATA_HOME"), QStringLiteral("XDG_CONFIG_HOME"),
                                QStringLiteral("XDG_CACHE_HOME"), QStringLiteral("XDG_RUNTIME_DIR"),
                                QStringLiteral("DBUS_SESSION_BUS_ADDRESS")})
        m_ctl->environment().insert(name, env.value(name));
}

void TestCleardbctlHerokuCli::writeNetrc(const QString &home)
{
    QFile netrc(QDir(home).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::WriteOnly));
    netrc.write("machine " + QUrl(m_sim.baseUrl()).authority().toUtf8() + " login netrc@example.com password " +
                Token.toUtf8() + "\n");
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
    QVERIFY2(run.err.contains(QStringLiteral("warning: the Heroku CLI is signed in as cli-user@example.com, but its "
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
    QVERIFY2(run.err.contains(QStringLiteral("warning: the Heroku CLI is signed in as cli-user@example.com, but its "
                                             "token could not be read: the keyring that holds it is locked")),
             qPrintable(run.err));
    QCOMPARE(loginJsonBytes(m_keyring), LoginJson);
}

QTEST_GUILESS_MAIN(TestCleardbctlHerokuCli)
#include "tst_cleardbctl_herokucli.moc"
