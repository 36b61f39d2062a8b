// SPDX-License-Identifier: MIT
// cleardb-console --view: an unknown view is a one-line usage error; --view shortcuts/about photograph
// the Help dialog, not the window; --view connection photographs the Connection tab after its probe
// (here of a closed port, so no database is needed) and never prints the URL's password.
#include "TestConfig.h"
#include "TestProcesses.h"

#include <QImage>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

namespace {
const QString ConsoleProgram = QStringLiteral(CLEARDB_BIN_DIR "/cleardb-console");

QProcessEnvironment sandboxEnvironment(const QString &home)
{
    return TestProcesses::consoleEnvironment(
        home, {QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("CLEARDB_CONSOLE_COLOR_SCHEME")});
}
} // namespace

class TestConsoleViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unknownViewIsAUsageError();
    void helpDialogsArePhotographedAlone_data();
    void helpDialogsArePhotographedAlone();
    void connectionViewShowsTheProbe();
    void usageViewWaitsForTheReadAndThePlan();
    void fleetViewPhotographsTheFleetWindow();
    void moveViewOpensTheWizardOnTheAppsClearDb();
    void terminationQuitsWhileTheWizardIsBusy();

private:
    // cleardb-console --sandbox ARGUMENTS --screenshot PNG: exits 0, and the picture is a dialog's.
    void photographsADialogAlone(const QStringList &arguments, const QString &png);
    void viewOfAClosedPort(const QStringList &arguments, const QString &png);

    QTemporaryDir m_home;
};

void TestConsoleViews::unknownViewIsAUsageError()
{
    QProcess console;
    console.setProcessEnvironment(sandboxEnvironment(m_home.path()));
    console.start(ConsoleProgram, {QStringLiteral("--view"), QStringLiteral("charts")});
    QVERIFY(console.waitForFinished(10000));
    QCOMPARE(console.exitCode(), 2);
    const QByteArray error = console.readAllStandardError().trimmed();
    QCOMPARE(error,
             QByteArray("cleardb-console: --view charts: unknown view; use one of details, connection, "
                        "monitor, drill, shortcuts, about, signin, move, usage, fleet"));
}

void TestConsoleViews::helpDialogsArePhotographedAlone_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("shortcuts") << QStringLiteral("shortcuts");
    QTest::newRow("about") << QStringLiteral("about");
    QTest::newRow("signin") << QStringLiteral("signin");
}

void TestConsoleViews::helpDialogsArePhotographedAlone()
{
    QFETCH(QString, view);
    const QString png = m_home.filePath(view + QStringLiteral(".png"));
    photographsADialogAlone({QStringLiteral("--view"), view}, png);
}

void TestConsoleViews::photographsADialogAlone(const QStringList &arguments, const QString &png)
{
    QProcess console;
    console.setProcessEnvironment(sandboxEnvironment(m_home.path()));
    console.start(ConsoleProgram, QStringList{QStringLiteral("--sandbox")} + arguments +
                                      QStringList{QStringLiteral("--screenshot"), png});
    QVERIFY(console.waitForFinished(30000));
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    const QImage image(png);
    QVERIFY(!image.isNull());
    // The dialog, smaller than the 980x620 window.
    QVERIFY2(image.width() < 980 && image.height() < 620,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
}

void TestConsoleViews::connectionViewShowsTheProbe()
{
    const QString png = m_home.filePath(QStringLiteral("connection.png"));
    viewOfAClosedPort({QStringLiteral("--view"), QStringLiteral("connection")}, png);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!QImage(png).isNull());
}

// Runs the console's sandbox with `arguments` and --screenshot `png`, CLEARDB_DATABASE_URL naming a
// closed port on 127.0.0.1 (so no database is needed), and checks it exits 0 without printing the
// URL's password.
void TestConsoleViews::viewOfAClosedPort(const QStringList &arguments, const QString &png)
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    const QString password = QStringLiteral("View-Secret-%1").arg(port);
    QProcessEnvironment env = sandboxEnvironment(m_home.path());
    env.insert(QStringLiteral("CLEARDB_DATABASE_URL"),
               QStringLiteral("mysql://u:%1@127.0.0.1:%2/db").arg(password).arg(port));
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, QStringList{QStringLiteral("--sandbox")} + arguments +
                                      QStringList{QStringLiteral("--screenshot"), png});
    QVERIFY(console.waitForFinished(30000));
    const QByteArray output = console.readAllStandardOutput() + console.readAllStandardError();
    QVERIFY2(console.exitCode() == 0, output.constData());
    QVERIFY(!output.contains(password.toUtf8()));
}

// The README's picture of the Usage tab: the figures (here the error of a closed port, so no database
// is needed) and the plan of the selected app's add-on, looked up in the console's own sandbox.
void TestConsoleViews::usageViewWaitsForTheReadAndThePlan()
{
    const QString png = m_home.filePath(QStringLiteral("usage.png"));
    viewOfAClosedPort({QStringLiteral("--select-app"), QStringLiteral("sandbox-app-0001"),
                       QStringLiteral("--view"), QStringLiteral("usage")},
                      png);
    if (QTest::currentTestFailed())
        return;
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 980); // the window, not a dialog
}

// The README's picture of the fleet: Account > Fleet… on the console's own sandbox (placeholder URLs
// here, so its databases are unreachable and the window says so), photographed alone once every row is in.
void TestConsoleViews::fleetViewPhotographsTheFleetWindow()
{
    const QString png = m_home.filePath(QStringLiteral("fleet.png"));
    QProcess console;
    console.setProcessEnvironment(sandboxEnvironment(m_home.path()));
    console.start(ConsoleProgram, {QStringLiteral("--sandbox"), QStringLiteral("--view"),
                                   QStringLiteral("fleet"), QStringLiteral("--screenshot"), png});
    QVERIFY(console.waitForFinished(60000));
    QVERIFY2(console.exitCode() == 0, console.readAllStandardError().constData());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY2(image.width() >= 1000,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
}

// The README's picture of the Move database wizard: on the selected app's ClearDB add-on, the wizard
// alone is photographed (the console's sandbox app has one).
void TestConsoleViews::moveViewOpensTheWizardOnTheAppsClearDb()
{
    const QString png = m_home.filePath(QStringLiteral("move.png"));
    photographsADialogAlone({QStringLiteral("--select-app"), QStringLiteral("sandbox-app-0001"),
                             QStringLiteral("--view"), QStringLiteral("move")},
                            png);
}

// A busy dialog refuses to close (its Cancel first stops the work), and Qt's quit() gives up when a
// window refuses: SIGTERM, a logout or Ctrl+Q must end the console all the same.
void TestConsoleViews::terminationQuitsWhileTheWizardIsBusy()
{
    QTcpServer silent; // accepts the pre-flight's connection and never greets: the check stays busy
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QProcessEnvironment env = sandboxEnvironment(m_home.path());
    env.insert(QStringLiteral("CLEARDB_MOVE_TARGET_URL"),
               QStringLiteral("mysql://u:Busy-Secret-4@127.0.0.1:%1/db").arg(silent.serverPort()));
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram,
                  {QStringLiteral("--sandbox"), QStringLiteral("--select-app"),
                   QStringLiteral("sandbox-app-0001"), QStringLiteral("--view"), QStringLiteral("move")});
    QVERIFY(console.waitForStarted(10000));
    QVERIFY2(silent.waitForNewConnection(30000), "premise: the wizard's pre-flight connects to the target");
    ::kill(pid_t(console.processId()), SIGTERM);
    const bool ended = console.waitForFinished(15000);
    if (!ended) {
        console.kill();
        console.waitForFinished(5000);
    }
    QVERIFY2(ended, "the console did not quit while the Move wizard was busy");
    QCOMPARE(console.exitStatus(), QProcess::NormalExit);
    const QByteArray output = console.readAllStandardOutput() + console.readAllStandardError();
    QVERIFY(!output.contains("Busy-Secret-4"));
}

QTEST_MAIN(TestConsoleViews)
#include "tst_consoleviews.moc"
