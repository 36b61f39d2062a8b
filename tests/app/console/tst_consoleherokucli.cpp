// SPDX-License-Identifier: MIT
// The console's first start on a desktop where `heroku login` was run: the Heroku CLI's token sits in a
// real Secret Service (gnome-keyring-daemon on a private bus, written by secret-tool as the CLI writes
// it) and login.json names the account. The console must open on that account's apps, not the sandbox,
// without asking anything, and leave login.json as it was.
#include "SecretServiceSession.h"
#include "SimProcess.h"
#include "TestConfig.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

namespace {
const QString ConsoleProgram = QStringLiteral(CLEARDB_BIN_DIR "/cleardb-console");
const QString Email = QStringLiteral("desktop-user@example.com");
} // namespace

class TestConsoleHerokuCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstStartShowsTheCliAccountsApps();
};

void TestConsoleHerokuCli::firstStartShowsTheCliAccountsApps()
{
    SimProcess sim(QStringLiteral("HRKU-console-cli-token-Qw72"));
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("7")}), qPrintable(sim.errorString()));
    SecretServiceSession keyring;
    QVERIFY2(keyring.start(), qPrintable(keyring.errorString()));
    QVERIFY(keyring.storeLikeHerokuCli(Email, sim.token()));
    QVERIFY(keyring.writeLoginJson(Email));
    QFile loginJson(keyring.loginJsonPath());
    QVERIFY(loginJson.open(QIODevice::ReadOnly));
    const QByteArray before = loginJson.readAll();
    loginJson.close();

    QProcessEnvironment env = keyring.environment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HEROKU_HOST"), sim.baseUrl());
    env.insert(QStringLiteral("CLEARDB_SANDBOX_DATABASES"), QStringLiteral("0"));
    env.insert(QStringLiteral("CLEARDB_CONSOLE_REPORT_STARTUP"), QStringLiteral("1"));
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(ConsoleProgram, {});
    QVERIFY(console.waitForStarted(10000));
    QVERIFY2(console.waitForFinished(90000), "the console did not finish its start within 90 s");
    const QByteArray output = console.readAllStandardOutput();
    const QByteArray errors = console.readAllStandardError();
    QVERIFY2(console.exitCode() == 0, errors.constData());
    // Seven apps and no "(sandbox)": the sim answered the CLI's token, the only one anywhere.
    QVERIFY2(output.contains("with 7 apps\n"), output.constData());
    QVERIFY(!output.contains(sim.token().toUtf8()) && !errors.contains(sim.token().toUtf8()));
    QVERIFY(loginJson.open(QIODevice::ReadOnly));
    QCOMPARE(loginJson.readAll(), before);
}

QTEST_GUILESS_MAIN(TestConsoleHerokuCli)
#include "tst_consoleherokucli.moc"
