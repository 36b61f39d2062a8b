// SPDX-License-Identifier: MIT
// Installs the .deb that tst_packagebuild made with apt-get, as a user would, runs the installed
// programs from /usr/bin, and purges the package again, checking that nothing it installed is left.
//
// It changes the system, so it runs only as root and only where that is wanted: in CI (CI=true) or
// when CLEARDB_PACKAGE_INSTALL_TEST=1. Anywhere else it skips and says how to run it.
#include "PackageLayout.h"
#include "TestConfig.h"
#include "ToolRunner.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {
const QString packageDir = QStringLiteral(CLEARDB_BINARY_DIR "/package-test");

QProcessEnvironment aptEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
    return env;
}

bool isInstalled()
{
    const ToolRun run =
        ToolRunner::run(QStringLiteral("dpkg-query"),
                        {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), PackageLayout::packageName()});
    return run.exitCode == 0 && run.out.contains(QStringLiteral("installed")) &&
           !run.out.contains(QStringLiteral("not-installed"));
}

bool hasProgram(const char *name)
{
    return PackageLayout::programs().contains(QLatin1String(name));
}
} // namespace

class TestDebInstall : public QObject
{
    Q_OBJECT

private:
    QStringList m_installedFiles; // from dpkg -L, while installed

private Q_SLOTS:
    void initTestCase()
    {
        const QString ci = qEnvironmentVariable("CI");
        const bool optedIn = ci == QLatin1String("true") || ci == QLatin1String("1") ||
                             qEnvironmentVariable("CLEARDB_PACKAGE_INSTALL_TEST") == QLatin1String("1");
        if (!optedIn)
            QSKIP("installs cleardb-console system-wide: runs in CI (CI=true) or with "
                  "CLEARDB_PACKAGE_INSTALL_TEST=1");
        if (geteuid() != 0)
            QSKIP("installing a .deb needs root");

        const QStringList debs =
            QDir(packageDir).entryList({QStringLiteral("cleardb-console_" CLEARDB_VERSION "_*.deb")});
        QVERIFY2(debs.size() == 1,
                 "no .deb in <build>/package-test: tst_packagebuild makes it (ctest fixture)");
        const QString deb = packageDir + QLatin1Char('/') + debs.first();

        // --no-install-recommends: the sandbox's servers are recommendations, and this test must
        // show that the package works without them. The path form makes apt-get install the file.
        const ToolRun run =
            ToolRunner::run(QStringLiteral("apt-get"),
                            {QStringLiteral("install"), QStringLiteral("-y"), QStringLiteral("-q"),
                             QStringLiteral("--no-install-recommends"), deb},
                            300000, aptEnvironment());
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe() + run.out.right(2000)));
        QVERIFY(isInstalled());

        const ToolRun list =
            ToolRunner::run(QStringLiteral("dpkg"), {QStringLiteral("-L"), PackageLayout::packageName()});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        m_installedFiles = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &file : PackageLayout::expectedFiles())
            QVERIFY2(m_installedFiles.contains(QStringLiteral("/usr/") + file), qPrintable(file));
    }

    void programsReportTheProjectVersion_data()
    {
        QTest::addColumn<QString>("program");
        for (const QString &program : PackageLayout::programs())
            QTest::newRow(qPrintable(program)) << program;
    }
    void programsReportTheProjectVersion()
    {
        QFETCH(QString, program);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const ToolRun run =
            ToolRunner::run(QStringLiteral("/usr/bin/") + program, {QStringLiteral("--version")}, 30000, env);
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY2(run.out.contains(QStringLiteral(CLEARDB_VERSION)), qPrintable(run.out));
    }

    void installedSimServesTheInstalledCtl()
    {
        if (!hasProgram("heroku-sim"))
            QSKIP("this build has no heroku-sim");
        QProcess sim;
        sim.start(QStringLiteral("/usr/bin/heroku-sim"), {QStringLiteral("--port"), QStringLiteral("0"),
                                                          QStringLiteral("--token"), QStringLiteral("T")});
        QVERIFY2(sim.waitForStarted(10000), qPrintable(sim.errorString()));
        QByteArray first;
        QTRY_VERIFY_WITH_TIMEOUT((first += sim.readAllStandardOutput()).contains('\n'), 10000);
        const QString url = QString::fromUtf8(first.left(first.indexOf('\n')));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:[1-9][0-9]*$")).match(url).hasMatch(),
            qPrintable(url));

        if (hasProgram("cleardbctl")) {
            // The installed CLI against the installed simulator: the loader found every library.
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HEROKU_HOST"), url);
            env.insert(QStringLiteral("HEROKU_API_KEY"), QStringLiteral("T"));
            const ToolRun apps =
                ToolRunner::run(QStringLiteral("/usr/bin/cleardbctl"), {QStringLiteral("apps")}, 60000, env);
            QVERIFY2(apps.finished && apps.exitCode == 0, qPrintable(apps.describe()));
            QVERIFY2(!apps.out.trimmed().isEmpty(),
                     "cleardbctl apps printed no apps from the seeded simulator");
        }
        sim.kill();
        QVERIFY(sim.waitForFinished(5000));
    }

    void installedCtlFindsTheSandboxScript()
    {
        if (!hasProgram("cleardbctl"))
            QSKIP("this build has no cleardbctl");
        // The installed programs find cluster.sh relative to /usr/bin, not in a source tree.
        QTemporaryDir runtime;
        QVERIFY(runtime.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CLEARDB_SANDBOX_SCRIPT"));
        const ToolRun run = ToolRunner::run(
            QStringLiteral("/usr/bin/cleardbctl"),
            {QStringLiteral("sandbox"), QStringLiteral("status"), QStringLiteral("--dir"), runtime.path()},
            60000, env);
        QVERIFY2(run.finished, qPrintable(run.describe()));
        QVERIFY2(!run.err.contains(QStringLiteral("not found")), qPrintable(run.err));
        // A cluster that never ran is reported as stopped: the operation's answer (1), not a usage error (2).
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        const QString said = run.out + run.err;
        QVERIFY2(said.contains(QStringLiteral("stopped")), qPrintable(said));
    }

    void manAndDesktopFindTheInstalledFiles()
    {
        const QString program = PackageLayout::programs().value(0);
        QVERIFY(!program.isEmpty());
        const ToolRun where = ToolRunner::run(QStringLiteral("man"), {QStringLiteral("-w"), program});
        QCOMPARE(where.out.trimmed(), QStringLiteral("/usr/share/man/man1/%1.1.gz").arg(program));
        if (hasProgram("cleardb-console")) {
            const ToolRun run =
                ToolRunner::run(QStringLiteral("desktop-file-validate"),
                                {QStringLiteral("/usr/share/applications/cleardb-console.desktop")});
            QVERIFY2(run.finished && run.exitCode == 0 && run.out.trimmed().isEmpty(),
                     qPrintable(run.describe()));
        }
    }

    // Last: apt-get remove --purge leaves none of the package's files or folders behind.
    void purgeLeavesNothingBehind()
    {
        const ToolRun run =
            ToolRunner::run(QStringLiteral("apt-get"),
                            {QStringLiteral("remove"), QStringLiteral("--purge"), QStringLiteral("-y"),
                             QStringLiteral("-q"), PackageLayout::packageName()},
                            300000, aptEnvironment());
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
        const ToolRun status = ToolRunner::run(
            QStringLiteral("dpkg-query"),
            {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), PackageLayout::packageName()});
        QVERIFY2(status.exitCode != 0 || status.out.contains(QStringLiteral("not-installed")),
                 qPrintable(QStringLiteral("still known to dpkg: ") + status.out));

        QStringList left;
        for (const QString &path : qAsConst(m_installedFiles)) {
            const QFileInfo info(path);
            // Shared folders such as /usr/share/man/man1 stay, as they should; files must go, and so
            // must the folders that only this package created.
            if (info.isDir() && !path.contains(PackageLayout::packageName()))
                continue;
            if (info.exists() || info.isSymLink())
                left << path;
        }
        QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("left behind: ") + left.join(QLatin1Char(' '))));
    }

    void cleanupTestCase()
    {
        // A failed check above must not leave the package installed on the machine.
        if (!m_installedFiles.isEmpty() && isInstalled())
            ToolRunner::run(QStringLiteral("apt-get"),
                            {QStringLiteral("remove"), QStringLiteral("--purge"), QStringLiteral("-y"),
                             QStringLiteral("-q"), PackageLayout::packageName()},
                            300000, aptEnvironment());
    }
};

QTEST_GUILESS_MAIN(TestDebInstall)
#include "tst_debinstall.moc"
