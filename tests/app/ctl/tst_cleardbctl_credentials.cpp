// SPDX-License-Identifier: MIT
// cleardbctl and the places a token lives: ~/.netrc as the Heroku CLI names its machines and as
// ssh-like tools guard it, and the login prompt on a real terminal (a pty) when it is interrupted.
#include "CtlProcess.h"
#include "SimProcess.h"
#include "TestConfig.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace {
const QString Token = QStringLiteral("ctl-credentials-token-Jq27vRt4");
} // namespace

class TestCleardbctlCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void readableNetrcIsWarnedAboutEvenWhenUsed();
    void netrcOthersCanWriteIsRefused();
    void findsTheHerokuCliLoginForHostWithPort();
    void loginWritesTheHerokuCliMachine();
    void tokenPromptRestoresEchoWhenInterrupted_data();
    void tokenPromptRestoresEchoWhenInterrupted();

private:
    void writeNetrc(const QByteArray &bytes, QFile::Permissions permissions);
    QString cliMachine() const { return QUrl(m_sim.baseUrl()).authority(); }

    SimProcess m_sim{Token};
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctlCredentials::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(m_sim.errorString()));
    m_ctl = new CtlProcess(m_sim);
    QVERIFY(cliMachine().startsWith(QStringLiteral("127.0.0.1:")));
}

void TestCleardbctlCredentials::init()
{
    // Every test here is about stored tokens, so none comes from the environment.
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
}

void TestCleardbctlCredentials::cleanup()
{
    QFile::remove(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
}

void TestCleardbctlCredentials::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctlCredentials::writeNetrc(const QByteArray &bytes, QFile::Permissions permissions)
{
    QFile netrc(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::WriteOnly));
    netrc.write(bytes);
    netrc.close();
    QVERIFY(netrc.setPermissions(permissions));
}

void TestCleardbctlCredentials::readableNetrcIsWarnedAboutEvenWhenUsed()
{
    writeNetrc("machine 127.0.0.1\n  password " + Token.toUtf8() + "\n",
               QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(QStringLiteral("chmod 600 ~/.netrc")), qPrintable(run.err));
}

void TestCleardbctlCredentials::netrcOthersCanWriteIsRefused()
{
    writeNetrc("machine 127.0.0.1\n  password " + Token.toUtf8() + "\n",
               QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther);
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().contains(QStringLiteral("other users can change it")), qPrintable(run.err));
    QVERIFY2(run.errLine().contains(QStringLiteral("chmod 600 ~/.netrc")), qPrintable(run.err));
}

void TestCleardbctlCredentials::findsTheHerokuCliLoginForHostWithPort()
{
    // `HEROKU_HOST=http://127.0.0.1:PORT heroku login` (with HEROKU_NETRC_WRITE=true) names the
    // machine like this: the CLI's vars.apiHost, the URL's host with its port.
    writeNetrc("machine " + cliMachine().toUtf8() + "\n  login user@example.com\n  password " +
                   Token.toUtf8() + "\n",
               QFile::ReadOwner | QFile::WriteOwner);
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void TestCleardbctlCredentials::loginWritesTheHerokuCliMachine()
{
    const auto login = m_ctl->run({QStringLiteral("login")}, Token.toUtf8() + "\n");
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QFile netrc(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::ReadOnly));
    const QByteArray text = netrc.readAll();
    const QByteArray expected = QByteArray("machine ") + cliMachine().toUtf8() + '\n';
    QVERIFY2(text.startsWith(expected), text.left(40).constData());
    // No keychain in this environment: said once, in plain words, never "Unknown error".
    const QString all = login.out + login.err;
    QCOMPARE(all.count(QStringLiteral("no system keychain is available")), 1);
    QVERIFY(!all.contains(QStringLiteral("Unknown error")));
}

void TestCleardbctlCredentials::tokenPromptRestoresEchoWhenInterrupted_data()
{
    QTest::addColumn<bool>("controlC");
    QTest::newRow("Ctrl-C typed at the prompt (SIGINT)") << true;
    QTest::newRow("SIGTERM from another process") << false;
}

void TestCleardbctlCredentials::tokenPromptRestoresEchoWhenInterrupted()
{
    QFETCH(bool, controlC);
    const QByteArray program = QByteArrayLiteral(CLEARDB_BIN_DIR "/cleardbctl");
    const QByteArray home = QFile::encodeName(m_ctl->home());
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    QVERIFY(pid >= 0);
    if (pid == 0) {
        ::setenv("HOME", home.constData(), 1);
        ::unsetenv("HEROKU_API_KEY");
        ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
        ::execl(program.constData(), "cleardbctl", "login", static_cast<char *>(nullptr));
        ::_exit(127);
    }

    // The terminal's settings are the slave side's: read them there (the master has its own).
    const int slave = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
    QVERIFY(slave >= 0);
    // Wait for the prompt; then the terminal's echo must be off (the premise).
    QByteArray seen;
    const QDeadlineTimer deadline(15000);
    while (!seen.contains("Heroku API token:") && !deadline.hasExpired()) {
        char buffer[256];
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(master, &fds);
        timeval tv{0, 100000};
        if (::select(master + 1, &fds, nullptr, nullptr, &tv) > 0) {
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n <= 0)
                break;
            seen.append(buffer, n);
        }
    }
    termios during{};
    const bool prompted = seen.contains("Heroku API token:");
    bool gotAttributes = ::tcgetattr(slave, &during) == 0;
    // Echo may go off just after the prompt is written: give it a moment.
    const QDeadlineTimer echoDeadline(2000);
    while (gotAttributes && (during.c_lflag & ECHO) != 0 && !echoDeadline.hasExpired()) {
        QTest::qSleep(20);
        gotAttributes = ::tcgetattr(slave, &during) == 0;
    }
    if (!prompted || !gotAttributes) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        ::close(slave);
        ::close(master);
        QVERIFY2(prompted, seen.constData());
        QVERIFY(gotAttributes);
    }
    const bool echoOffWhilePrompting = (during.c_lflag & ECHO) == 0;

    if (controlC)
        QCOMPARE(::write(master, "\x03", 1), ssize_t(1)); // the line discipline turns it into SIGINT
    else
        QCOMPARE(::kill(pid, SIGTERM), 0);
    int status = 0;
    pid_t ended = 0;
    const QDeadlineTimer exitDeadline(10000);
    while ((ended = ::waitpid(pid, &status, WNOHANG)) == 0 && !exitDeadline.hasExpired())
        QTest::qSleep(20);
    if (ended != pid) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    termios after{};
    const bool gotAfter = ::tcgetattr(slave, &after) == 0;
    ::close(slave);
    ::close(master);

    QVERIFY(echoOffWhilePrompting);
    QVERIFY2(ended == pid, "cleardbctl login did not end on the signal");
    QVERIFY2(WIFSIGNALED(status) || WEXITSTATUS(status) != 0, "an interrupted login must not succeed");
    QVERIFY(gotAfter);
    QVERIFY2((after.c_lflag & ECHO) != 0, "the terminal was left with echo off");
}

QTEST_GUILESS_MAIN(TestCleardbctlCredentials)
#include "tst_cleardbctl_credentials.moc"
