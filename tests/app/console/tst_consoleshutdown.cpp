// SPDX-License-Identifier: MIT
// Quitting the console on its sandbox: File → Quit (Ctrl+Q) and SIGTERM, SIGINT,
// SIGHUP take the same orderly way out. The window says "Stopping the sandbox…"
// while the event loop keeps running, and nothing of the sandbox is left: no
// heroku-sim, no MariaDB server, no HAProxy.
#include "ConsoleShutdown.h"
#include "SandboxServers.h"
#include "TestConfig.h"
#include "credentials/InMemoryCredentialStore.h"
#include "sandbox/SandboxSession.h"
#include "session/ConsoleStartup.h"
#include "shell/MainWindow.h"

#include <QDeadlineTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {
const QString ConsoleProgram = QStringLiteral(CLEARDB_BIN_DIR "/cleardb-console");
const QString ClusterScript = QStringLiteral(CLEARDB_SOURCE_DIR "/scripts/sandbox/cluster.sh");
constexpr int ServerCount = 3; // two MariaDB masters and HAProxy

// A sandbox directory whose cluster comes up on the test's own ports: cluster.sh
// reads a stopped cluster's base port from cluster.env.
bool prepareClusterDir(const QString &dir)
{
    QFile env(dir + QStringLiteral("/cluster.env"));
    if (!env.open(QIODevice::WriteOnly))
        return false;
    env.write("BASE_PORT=" + QByteArray::number(CLEARDB_SHUTDOWN_TEST_PORT) + '\n');
    return true;
}

void stopCluster(const QString &dir)
{
    QProcess::execute(ClusterScript, {QStringLiteral("stop"), QStringLiteral("--dir"), dir});
}

void reapConsole(QProcess &console)
{
    if (console.state() != QProcess::NotRunning) {
        console.kill();
        console.waitForFinished(5000);
    }
}

// "SELECT 1" through HAProxy's routed port as the sandbox's admin: the databases answer queries.
bool databasesAnswer(const QString &dir)
{
    QFile secret(dir + QStringLiteral("/secrets/admin.password"));
    if (!secret.open(QIODevice::ReadOnly))
        return false;
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MYSQL_PWD"), QString::fromLatin1(secret.readAll().trimmed())); // never argv
    client.setProcessEnvironment(env);
    client.start(QStringLiteral("mariadb"),
                 {QStringLiteral("--no-defaults"), QStringLiteral("--protocol=tcp"),
                  QStringLiteral("-h127.0.0.1"), QStringLiteral("-P%1").arg(CLEARDB_SHUTDOWN_TEST_PORT),
                  QStringLiteral("-usandbox_admin"), QStringLiteral("-N"), QStringLiteral("-e"),
                  QStringLiteral("SELECT 1")});
    return client.waitForFinished(10000) && client.exitCode() == 0 && client.readAllStandardOutput() == "1\n";
}
} // namespace

class TestConsoleShutdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void quitActionStopsTheSandboxWithoutBlocking();
    void terminationSignalStopsTheSandbox_data();
    void terminationSignalStopsTheSandbox();

    void secondConsoleKeepsTheSandboxOfTheFirst();
    void crashedConsolesSandboxIsAdoptedAndStopped();

private:
    // cleardb-console --sandbox on m_clusterDir, up once its heroku-sim runs (after the databases).
    bool startConsole(QProcess &console, QList<qint64> &sims);
    // SIGTERM, then a clean exit with code 0.
    bool quitConsole(QProcess &console);

    QTemporaryDir m_home;
    QString m_clusterDir;
};

void TestConsoleShutdown::initTestCase()
{
    QVERIFY2(QFileInfo(ConsoleProgram).isExecutable(), "build cleardb-console first");
    QVERIFY(m_home.isValid());
    m_clusterDir = m_home.filePath(QStringLiteral("sandbox"));
    QVERIFY(QDir().mkpath(m_clusterDir));
    QVERIFY(prepareClusterDir(m_clusterDir));
}

void TestConsoleShutdown::cleanupTestCase()
{
    stopCluster(m_clusterDir);
}

void TestConsoleShutdown::quitActionStopsTheSandboxWithoutBlocking()
{
    const auto cleanup = qScopeGuard([this] { stopCluster(m_clusterDir); });
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), m_home.path());
    environment.insert(QStringLiteral("CLEARDB_SANDBOX_DIR"), m_clusterDir);
    qputenv("CLEARDB_SANDBOX_SCRIPT", ClusterScript.toUtf8());
    InMemoryCredentialStore store;
    QNetworkAccessManager network;
    MainWindow window(&network);
    ConsoleStartup startup;
    startup.setEnvironment(environment);
    startup.setCredentialStore(&store);
    startup.setForceSandbox(true);
    startup.setSandboxProgram(QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim"));
    connect(&startup, &ConsoleStartup::ready, &window, &MainWindow::open);
    ConsoleShutdown shutdown(&window, &startup);
    connect(&window, &MainWindow::quitRequested, &shutdown, &ConsoleShutdown::request);
    QSignalSpy ready(&startup, &ConsoleStartup::ready);
    QSignalSpy finished(&shutdown, &ConsoleShutdown::finished);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    startup.start();
    QVERIFY(ready.wait(120000));
    // Premise: this console started the sandbox's servers and its heroku-sim.
    QCOMPARE(SandboxServers::of(m_clusterDir).size(), ServerCount);
    const qint64 sim = startup.sandbox()->processId();
    QVERIFY(sim > 0 && !SandboxServers::processGone(sim));

    // The platform's Quit key, as the user presses it.
    QAction *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    // Ctrl+Q: the platform's Quit key on Linux desktops, and the fallback where a platform has none.
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(20);
    QElapsedTimer clock;
    clock.start();
    QTest::keySequence(&window, quit->shortcut());
    QVERIFY2(clock.elapsed() < 200, "the Quit action blocked the GUI thread");
    QVERIFY(shutdown.isRequested());
    QVERIFY(window.isVisible());
    bool said = false;
    for (QLabel *label : window.findChildren<QLabel *>())
        said = said || label->text().contains(QStringLiteral("Stopping the sandbox"));
    QVERIFY2(said, "no \"Stopping the sandbox…\" on screen");
    QVERIFY(finished.wait(ConsoleShutdown::BoundMs));
    // The event loop ran all along: the ticker fired while the servers stopped.
    QVERIFY2(ticks > 5, qPrintable(QString::number(ticks)));
    QVERIFY(SandboxServers::processGone(sim));
    QVERIFY2(SandboxServers::of(m_clusterDir).isEmpty(), "a sandbox server outlived Quit");
    // The shutdown let the window go: closing it now really closes it.
    QVERIFY(window.close());
}

void TestConsoleShutdown::terminationSignalStopsTheSandbox_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void TestConsoleShutdown::terminationSignalStopsTheSandbox()
{
    QFETCH(int, signalNumber);
    const auto cleanup = qScopeGuard([this] { stopCluster(m_clusterDir); });
    QProcess console;
    QList<qint64> sims;
    QVERIFY(startConsole(console, sims));
    const auto reap = qScopeGuard([&console] { reapConsole(console); });
    QCOMPARE(SandboxServers::of(m_clusterDir).size(), ServerCount);

    ::kill(pid_t(console.processId()), signalNumber);
    QVERIFY(console.waitForFinished(ConsoleShutdown::BoundMs + 5000));
    QVERIFY2(console.exitStatus() == QProcess::NormalExit,
             qPrintable(QStringLiteral("the console died of signal %1").arg(console.exitCode())));
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    QVERIFY(SandboxServers::processGone(sims.first()));
    QVERIFY2(SandboxServers::of(m_clusterDir).isEmpty(), "a sandbox server outlived the console");
}

bool TestConsoleShutdown::startConsole(QProcess &console, QList<qint64> &sims)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HEROKU_API_KEY", "HEROKU_HOST", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY",
                             "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("CLEARDB_SANDBOX_DIR"), m_clusterDir);
    env.insert(QStringLiteral("CLEARDB_SANDBOX_SCRIPT"), ClusterScript);
    env.insert(QStringLiteral("CLEARDB_SANDBOX_DATABASES"), QStringLiteral("1"));
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {QStringLiteral("--sandbox")});
    if (!console.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(120000);
    while (!deadline.hasExpired() && console.state() == QProcess::Running) {
        sims = SandboxServers::simChildrenOf(console.processId());
        if (!sims.isEmpty())
            return true;
        QTest::qWait(50);
    }
    qWarning("cleardb-console did not start its heroku-sim: %s", console.readAllStandardError().constData());
    return false;
}

bool TestConsoleShutdown::quitConsole(QProcess &console)
{
    ::kill(pid_t(console.processId()), SIGTERM);
    if (!console.waitForFinished(ConsoleShutdown::BoundMs + 5000))
        return false;
    if (console.exitStatus() != QProcess::NormalExit || console.exitCode() != 0) {
        qWarning("cleardb-console ended badly: %s", console.readAllStandardError().constData());
        return false;
    }
    return true;
}

// Two consoles on one sandbox: closing the one that started the databases leaves
// them running for the other; closing the other stops them.
void TestConsoleShutdown::secondConsoleKeepsTheSandboxOfTheFirst()
{
    const auto cleanup = qScopeGuard([this] { stopCluster(m_clusterDir); });
    QProcess first;
    QProcess second;
    QList<qint64> sims;
    QVERIFY(startConsole(first, sims));
    const auto reapFirst = qScopeGuard([&first] { reapConsole(first); });
    const QList<qint64> servers = SandboxServers::of(m_clusterDir);
    QCOMPARE(servers.size(), ServerCount);
    QVERIFY(startConsole(second, sims));
    const auto reapSecond = qScopeGuard([&second] { reapConsole(second); });
    QVERIFY(databasesAnswer(m_clusterDir));

    QVERIFY(quitConsole(first));
    QCOMPARE(SandboxServers::of(m_clusterDir), servers);
    QVERIFY2(databasesAnswer(m_clusterDir), "closing one console stopped the other's databases");

    QVERIFY(quitConsole(second));
    QVERIFY2(SandboxServers::of(m_clusterDir).isEmpty(), "the last console left its sandbox running");
}

// A console killed outright (no shutdown at all) leaves its servers orphaned; the
// next console adopts them, and stops them when it quits.
void TestConsoleShutdown::crashedConsolesSandboxIsAdoptedAndStopped()
{
    const auto cleanup = qScopeGuard([this] { stopCluster(m_clusterDir); });
    QProcess crashed;
    QList<qint64> sims;
    QVERIFY(startConsole(crashed, sims));
    ::kill(pid_t(crashed.processId()), SIGKILL);
    QVERIFY(crashed.waitForFinished(5000));
    // Premise: the servers outlived the crash.
    const QList<qint64> servers = SandboxServers::of(m_clusterDir);
    QCOMPARE(servers.size(), ServerCount);

    QProcess next;
    QVERIFY(startConsole(next, sims));
    const auto reap = qScopeGuard([&next] { reapConsole(next); });
    QCOMPARE(SandboxServers::of(m_clusterDir), servers); // adopted, not restarted
    QVERIFY(databasesAnswer(m_clusterDir));
    QVERIFY(quitConsole(next));
    QVERIFY2(SandboxServers::of(m_clusterDir).isEmpty(), "the orphaned sandbox was never stopped");
}

QTEST_MAIN(TestConsoleShutdown)
#include "tst_consoleshutdown.moc"
