// SPDX-License-Identifier: MIT
// Quitting the console on its sandbox: File → Quit (Ctrl+Q) and SIGTERM, SIGINT,
// SIGHUP take the same orderly way out. The window says "Stopping the sandbox…"
// while the event loop keeps running, and nothing of the sandbox is left: no
// heroku-sim, no MariaDB server, no HAProxy.
#include "ConsoleShutdown.h"
#include "ConsoleStartup.h"
#include "MainWindow.h"
#include "SandboxServers.h"
#include "SandboxSession.h"
#include "TestConfig.h"
#include "credentials/InMemoryCredentialStore.h"

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

private:
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
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {QStringLiteral("--sandbox")});
    QVERIFY(console.waitForStarted(10000));
    const auto reap = qScopeGuard([&console] {
        if (console.state() != QProcess::NotRunning) {
            console.kill();
            console.waitForFinished(5000);
        }
    });
    // heroku-sim starts once the databases are up: then the console is fully running.
    QList<qint64> sims;
    QTRY_VERIFY_WITH_TIMEOUT(!(sims = SandboxServers::simChildrenOf(console.processId())).isEmpty(), 120000);
    QCOMPARE(SandboxServers::of(m_clusterDir).size(), ServerCount);

    ::kill(pid_t(console.processId()), signalNumber);
    QVERIFY(console.waitForFinished(ConsoleShutdown::BoundMs + 5000));
    QVERIFY2(console.exitStatus() == QProcess::NormalExit,
             qPrintable(QStringLiteral("the console died of signal %1").arg(console.exitCode())));
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    QVERIFY(SandboxServers::processGone(sims.first()));
    QVERIFY2(SandboxServers::of(m_clusterDir).isEmpty(), "a sandbox server outlived the console");
}

QTEST_MAIN(TestConsoleShutdown)
#include "tst_consoleshutdown.moc"
