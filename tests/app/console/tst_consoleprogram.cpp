// SPDX-License-Identifier: MIT
// The cleardb-console binary itself: --version without a display, one-line
// errors for bad options, and sandbox mode, which must start its own heroku-sim
// and never leave it running, whether the console quits or is killed.
#include "SimProcess.h"
#include "TestConfig.h"
#include "TestProcesses.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
const QString ConsoleProgram = QStringLiteral(CLEARDB_BIN_DIR "/cleardb-console");

using TestProcesses::procStat;

bool processGone(qint64 pid)
{
    return TestProcesses::isGone(pid);
}

// The heroku-sim children of `parent`, from /proc/<pid>/stat: "pid (comm) state ppid ...".
QList<qint64> simChildrenOf(qint64 parent)
{
    QList<qint64> children;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        const QByteArray line = procStat(pid.toLongLong());
        const int close = line.lastIndexOf(')');
        if (close < 0 || !line.contains("(heroku-sim)"))
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent)
            children << pid.toLongLong();
    }
    return children;
}

QProcessEnvironment withoutCredentials(const QString &home)
{
    return TestProcesses::consoleEnvironment(home, {QStringLiteral("XDG_RUNTIME_DIR")});
}
} // namespace

class TestConsoleProgram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void versionNeedsNoDisplay();
    void unknownOptionIsOneLine();
    void credentialsNeedNoSandbox_data();
    void credentialsNeedNoSandbox();
    void badHerokuHostIsOneLine();
    void sandboxWithoutHerokuSimSaysWhatToDo();
    void sandboxStartsAndStopsHerokuSim();
    void screenshotShowsTheSelectedApp();
    void killedConsoleTakesSandboxAlong();

private:
    QTemporaryDir m_home;
};

void TestConsoleProgram::initTestCase()
{
    QVERIFY2(QFileInfo(ConsoleProgram).isExecutable(), "build cleardb-console first");
    QVERIFY2(QFileInfo(QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim")).isExecutable(),
             "build heroku-sim first");
    QVERIFY(m_home.isValid());
    // Orphans of the consoles we start are re-parented to this test rather than to
    // init, so a heroku-sim left behind is found as our child, without racing its start.
    QCOMPARE(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

void TestConsoleProgram::versionNeedsNoDisplay()
{
    QProcess console;
    QProcessEnvironment env = withoutCredentials(m_home.path());
    // A platform that does not exist: creating a QApplication would abort.
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {QStringLiteral("--version")});
    QVERIFY(console.waitForFinished(10000));
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    QCOMPARE(console.exitCode(), 0);
    QCOMPARE(console.readAllStandardOutput(), QByteArray("cleardb-console " CLEARDB_VERSION "\n"));
}

void TestConsoleProgram::unknownOptionIsOneLine()
{
    QProcess console;
    QProcessEnvironment env = withoutCredentials(m_home.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("no-such-platform"));
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {QStringLiteral("--frobnicate")});
    QVERIFY(console.waitForFinished(10000));
    QCOMPARE(console.exitCode(), 2);
    const QByteArray error = console.readAllStandardError();
    QCOMPARE(error.count('\n'), 1);
    QVERIFY2(error.contains("frobnicate") && error.contains("--help"), error.constData());
}

void TestConsoleProgram::credentialsNeedNoSandbox_data()
{
    QTest::addColumn<bool>("fromNetrc");
    QTest::newRow("HEROKU_API_KEY") << false;
    QTest::newRow("~/.netrc") << true;
}

// With a token (from the environment or ~/.netrc, through CredentialResolver) the
// console talks to HEROKU_HOST and starts no sandbox.
void TestConsoleProgram::credentialsNeedNoSandbox()
{
    QFETCH(bool, fromNetrc);
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("7")}), qPrintable(sim.errorString()));
    QTemporaryDir home;
    QProcess console;
    QProcessEnvironment env = withoutCredentials(home.path());
    env.insert(QStringLiteral("HEROKU_HOST"), sim.baseUrl());
    if (fromNetrc) {
        // netrc machines are host names: the sim's entry is "127.0.0.1", whatever its port.
        QFile netrc(home.filePath(QStringLiteral(".netrc")));
        QVERIFY(netrc.open(QIODevice::WriteOnly));
        netrc.write("machine 127.0.0.1 login dev@example.com password " + sim.token().toUtf8() + "\n");
        netrc.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        netrc.close();
    } else {
        env.insert(QStringLiteral("HEROKU_API_KEY"), sim.token());
    }
    env.insert(QStringLiteral("CLEARDB_CONSOLE_REPORT_STARTUP"), QStringLiteral("1"));
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {});
    QVERIFY(console.waitForStarted(10000));
    bool sawSim = false;
    const QDeadlineTimer deadline(30000);
    while (console.state() == QProcess::Running && !deadline.hasExpired()) {
        sawSim = sawSim || !simChildrenOf(console.processId()).isEmpty();
        QTest::qWait(5);
    }
    QCOMPARE(console.state(), QProcess::NotRunning);
    const QByteArray output = console.readAllStandardOutput();
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    QVERIFY2(output.contains("with 7 apps\n"), output.constData()); // not "(sandbox)"
    QVERIFY(!sawSim);
    QVERIFY(!output.contains(sim.token().toUtf8()));
}

void TestConsoleProgram::badHerokuHostIsOneLine()
{
    QProcess console;
    QProcessEnvironment env = withoutCredentials(m_home.path());
    env.insert(QStringLiteral("HEROKU_HOST"), QStringLiteral("http://api.example.com"));
    env.insert(QStringLiteral("CLEARDB_CONSOLE_REPORT_STARTUP"), QStringLiteral("1"));
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {});
    QVERIFY(console.waitForFinished(30000));
    QCOMPARE(console.exitCode(), 1);
    const QByteArray error = console.readAllStandardError();
    QVERIFY2(error.contains("cleardb-console: HEROKU_HOST") && error.contains("https://"), error.constData());
}

void TestConsoleProgram::sandboxWithoutHerokuSimSaysWhatToDo()
{
    // A console alone in a folder, with a PATH that has no heroku-sim either.
    const QString lonely = m_home.filePath(QStringLiteral("lonely-console"));
    QFile::remove(lonely);
    QVERIFY(QFile::copy(ConsoleProgram, lonely));
    QProcess console;
    QProcessEnvironment env = withoutCredentials(m_home.path());
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("CLEARDB_CONSOLE_REPORT_STARTUP"), QStringLiteral("1"));
    console.setProcessEnvironment(env);
    console.start(lonely, {});
    QVERIFY(console.waitForFinished(30000));
    QCOMPARE(console.exitCode(), 1);
    const QByteArray error = console.readAllStandardError();
    QVERIFY2(error.contains("heroku-sim was not found") && error.contains("HEROKU_API_KEY"),
             error.constData());
}

void TestConsoleProgram::sandboxStartsAndStopsHerokuSim()
{
    QProcess console;
    QProcessEnvironment env = withoutCredentials(m_home.path());
    env.insert(QStringLiteral("CLEARDB_CONSOLE_REPORT_STARTUP"), QStringLiteral("1"));
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {});
    QVERIFY(console.waitForStarted(10000));

    // Watch for the sandbox while the console runs (it quits after the first paint with apps).
    QList<qint64> seen;
    const QDeadlineTimer deadline(30000);
    while (console.state() == QProcess::Running && !deadline.hasExpired()) {
        for (qint64 pid : simChildrenOf(console.processId())) {
            if (!seen.contains(pid))
                seen << pid;
        }
        QTest::qWait(2);
    }
    QCOMPARE(console.state(), QProcess::NotRunning);
    const QByteArray output = console.readAllStandardOutput();
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    // The apps came from the console's own heroku-sim.
    QVERIFY2(output.contains("startup:") && output.contains("with 3 apps (sandbox)"), output.constData());
    QVERIFY(seen.size() <= 1);
    for (qint64 pid : std::as_const(seen))
        QVERIFY2(processGone(pid), "heroku-sim outlived cleardb-console");
    // Nothing was orphaned either: it would have been re-parented to us.
    const QList<qint64> orphans = simChildrenOf(::getpid());
    QVERIFY2(std::all_of(orphans.cbegin(), orphans.cend(), processGone),
             "heroku-sim outlived cleardb-console");
}

void TestConsoleProgram::screenshotShowsTheSelectedApp()
{
    const QString png = m_home.filePath(QStringLiteral("window.png"));
    QProcess console;
    console.setProcessEnvironment(withoutCredentials(m_home.path()));
    console.start(ConsoleProgram, {QStringLiteral("--sandbox"), QStringLiteral("--select-app"),
                                   QStringLiteral("sandbox-app-0001"), QStringLiteral("--screenshot"), png});
    QVERIFY(console.waitForFinished(30000));
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 640 && image.height() >= 400);

    // A folder that does not exist is refused before any window opens.
    console.start(ConsoleProgram, {QStringLiteral("--screenshot"), QStringLiteral("/no/such/folder/x.png")});
    QVERIFY(console.waitForFinished(10000));
    QCOMPARE(console.exitCode(), 2);
    QVERIFY(console.readAllStandardError().contains("the folder does not exist"));
}

void TestConsoleProgram::killedConsoleTakesSandboxAlong()
{
    QProcess console;
    console.setProcessEnvironment(withoutCredentials(m_home.path()));
    console.start(ConsoleProgram, {QStringLiteral("--sandbox")});
    QVERIFY(console.waitForStarted(10000));
    QList<qint64> sims;
    QTRY_VERIFY_WITH_TIMEOUT(!(sims = simChildrenOf(console.processId())).isEmpty(), 15000);
    // Should this test fail, do not leave the orphan running for the rest of the suite.
    const qint64 sim = sims.first();
    const auto reap = qScopeGuard([sim] {
        if (!processGone(sim))
            ::kill(pid_t(sim), SIGKILL);
    });
    // SIGKILL runs no destructor; the kernel's parent-death signal must stop the sim.
    ::kill(pid_t(console.processId()), SIGKILL);
    QVERIFY(console.waitForFinished(5000));
    QTRY_VERIFY2_WITH_TIMEOUT(processGone(sims.first()), "heroku-sim outlived a killed cleardb-console",
                              5000);
}

QTEST_GUILESS_MAIN(TestConsoleProgram)
#include "tst_consoleprogram.moc"
