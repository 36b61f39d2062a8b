// SPDX-License-Identifier: MIT
// `cleardbctl db` arguments end to end, without a database: a SPEC that names nothing usable (unknown
// app, missing or malformed config var, unset variable, malformed URL) fails with one line saying what
// and exit 1, before any connection; missing or unknown options are usage errors (exit 2); --help
// covers the group and each subcommand.
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimHttp.h"
#include "SimProcess.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace CtlTest;

class TestCleardbctlDbArgs : public QObject
{
    Q_OBJECT
    SimProcess m_sim;
    QTemporaryDir m_tmp;
    const QString m_srcApp = SimProcess::appName(2); // a seeded app without add-ons

    QString file(const QString &name) const { return m_tmp.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3")}),
                 qPrintable(m_sim.errorString()));
        SimHttp http(m_sim);
        const QJsonObject vars{{QStringLiteral("BROKEN_URL"), QStringLiteral("mysql://u@:99999/db")}};
        QCOMPARE(http.send("PATCH", QStringLiteral("/apps/%1/config-vars").arg(m_srcApp),
                           QJsonDocument(vars).toJson(QJsonDocument::Compact),
                           {{"Content-Type", "application/json"}})
                     .status,
                 200);
    }

    void badSpecsSayWhatAndExit1_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown app") << QStringLiteral("app:no-such-app-x")
                                     << QStringLiteral("no-such-app-x");
        QTest::newRow("missing var") << QStringLiteral("app:%1/NO_SUCH_VAR").arg(m_srcApp)
                                     << QStringLiteral("has no config var NO_SUCH_VAR");
        QTest::newRow("malformed var") << QStringLiteral("app:%1/BROKEN_URL").arg(m_srcApp)
                                       << QStringLiteral("BROKEN_URL of app %1").arg(m_srcApp);
        QTest::newRow("unset env") << QStringLiteral("env:CTLDB_NOT_SET")
                                   << QStringLiteral("CTLDB_NOT_SET is not set");
        QTest::newRow("empty env name") << QStringLiteral("env:") << QStringLiteral("env:NAME");
        QTest::newRow("empty app") << QStringLiteral("app:") << QStringLiteral("app:APP");
        QTest::newRow("malformed url")
            << QStringLiteral("mysql://u:Secret-pw-123@127.0.0.1:notaport/db") << QStringLiteral("--from");
        QTest::newRow("other scheme") << QStringLiteral("postgres://u@h/db") << QStringLiteral("--from");
        QTest::newRow("no form") << QStringLiteral("ctldb_src") << QStringLiteral("env:NAME");
        QTest::newRow("no scheme") << QStringLiteral("u:Secret-pw-123@127.0.0.1/db")
                                   << QStringLiteral("env:NAME");
    }
    void badSpecsSayWhatAndExit1()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        CtlProcess ctl(m_sim);
        const QString output = file(QStringLiteral("bad.sql"));
        const CtlProcess::Run run =
            ctl.run({QStringLiteral("db"), QStringLiteral("dump"), QStringLiteral("--from"), spec,
                     QStringLiteral("--output"), output});
        QVERIFY2(!run.err.contains(QStringLiteral("Secret-pw-123")), "the password was printed");
        QVERIFY(ctl.tokenNeverPrinted());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ")) && run.errLine().contains(expected),
                 qPrintable(run.err));
        QCOMPARE(run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).filter(QStringLiteral("error")).size(),
                 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(output));
    }

    void usageErrorsExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no subcommand") << args("db");
        QTest::newRow("unknown subcommand") << args("db", "backup");
        QTest::newRow("dump without --output") << args("db", "dump", "--from", "env:X");
        QTest::newRow("dump without --from") << args("db", "dump", "--output", "x.sql");
        QTest::newRow("unknown option") << args("db", "dump", "--from", "env:X", "--output", "x", "--fast");
        QTest::newRow("restore without --input") << args("db", "restore", "--to", "env:X");
        QTest::newRow("restore without --to") << args("db", "restore", "--input", "x.sql");
        QTest::newRow("copy without --from") << args("db", "copy", "--to", "env:Y", "--replace");
        QTest::newRow("verify without --to") << args("db", "verify", "--from", "env:X");
        QTest::newRow("stray argument") << args("db", "verify", "--from", "env:X", "--to", "env:Y", "more");
    }
    void usageErrorsExit2()
    {
        QFETCH(QStringList, args);
        CtlProcess ctl(m_sim);
        const CtlProcess::Run run = ctl.run(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ")) &&
                     run.errLine().contains(QStringLiteral("--help")),
                 qPrintable(run.err));
    }

    void helpCoversEverySubcommand()
    {
        CtlProcess ctl(m_sim);
        CtlProcess::Run run = ctl.run(args("db", "--help"));
        QCOMPARE(run.exitCode, 0);
        for (const char *sub : {"dump", "restore", "verify", "copy"})
            QVERIFY2(run.out.contains(QStringLiteral("  %1 ").arg(S(sub))), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("env:NAME")));
        run = ctl.run(args("db", "restore", "--help"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("Usage: cleardbctl [--json] db restore")),
                 qPrintable(run.out));
        for (const char *option : {"--input", "--to", "--replace"})
            QVERIFY2(run.out.contains(S(option)), qPrintable(run.out));
        run = ctl.run(args("--help"));
        QVERIFY(run.out.contains(QStringLiteral("\n  db ")));
        QVERIFY(!run.out.contains(QStringLiteral("db dump")));
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlDbArgs)
#include "tst_cleardbctl_dbargs.moc"
