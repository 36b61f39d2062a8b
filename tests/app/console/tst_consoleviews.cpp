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

private:
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
                        "monitor, drill, shortcuts, about, signin"));
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
    QProcess console;
    console.setProcessEnvironment(sandboxEnvironment(m_home.path()));
    console.start(ConsoleProgram, {QStringLiteral("--sandbox"), QStringLiteral("--view"), view,
                                   QStringLiteral("--screenshot"), png});
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
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    const QString png = m_home.filePath(QStringLiteral("connection.png"));
    QProcessEnvironment env = sandboxEnvironment(m_home.path());
    env.insert(QStringLiteral("CLEARDB_DATABASE_URL"),
               QStringLiteral("mysql://u:View-Secret-9@127.0.0.1:%1/db").arg(port));
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {QStringLiteral("--sandbox"), QStringLiteral("--view"),
                                   QStringLiteral("connection"), QStringLiteral("--screenshot"), png});
    QVERIFY(console.waitForFinished(30000));
    const QByteArray output = console.readAllStandardOutput() + console.readAllStandardError();
    QVERIFY2(console.exitCode() == 0, output.constData());
    QVERIFY(!output.contains("View-Secret-9"));
    QVERIFY(!QImage(png).isNull());
}

QTEST_MAIN(TestConsoleViews)
#include "tst_consoleviews.moc"
