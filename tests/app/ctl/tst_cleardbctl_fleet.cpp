// SPDX-License-Identifier: MIT
// `cleardbctl fleet` end to end: the real binary against a heroku-sim whose ClearDB add-ons have real
// databases on the fixture cluster (one pointed at a closed port), text and JSON, promoted against
// elsewhere, --no-probe with --csv, 429s on the config reads, a listing that fails (exit 1), usage
// errors (exit 2), and never a password or the token on either stream.
#include "../../core/fleet/FleetSandboxSim.h"
#include "CtlProcess.h"
#include "CtlTestHelpers.h"

#include <QtTest>

using namespace CtlTest;

class TestCleardbctlFleet : public QObject
{
    Q_OBJECT
    FleetSandboxSim m_env;

    void noSecrets(const CtlProcess::Run &run) const
    {
        for (const QString &password : m_env.passwords)
            QVERIFY2(!run.out.contains(password) && !run.err.contains(password), "a password was printed");
        QVERIFY(!run.out.contains(QStringLiteral("closedpass")) &&
                !run.err.contains(QStringLiteral("closedpass")));
        QVERIFY(!run.out.contains(QStringLiteral("mysql://")));
    }

    static QJsonObject rowOf(const QJsonObject &fleet, const QString &app)
    {
        for (const QJsonValue &row : fleet.value(QStringLiteral("addons")).toArray())
            if (row.toObject().value(QStringLiteral("app")).toString() == app)
                return row.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(SandboxTestEnv::status().isRunning(),
                 "the mariadb_cluster fixture did not start the sandbox");
        QVERIFY2(m_env.start(), qPrintable(m_env.error));
    }

    void textTableAndSummary()
    {
        CtlProcess ctl(m_env.sim);
        const CtlProcess::Run run = ctl.run(args("fleet"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err)); // although one database is unreachable
        QVERIFY2(run.out.startsWith(QStringLiteral("APP ")) &&
                     run.out.contains(QStringLiteral("DATABASE_URL")) &&
                     run.out.contains(QStringLiteral("FINDINGS")),
                 qPrintable(run.out));
        const QRegularExpression unreachable(
            QStringLiteral("\\n%1 +cleardb-\\S+ +ignite +free +unset +unreachable ")
                .arg(m_env.unreachableApp));
        QVERIFY2(unreachable.match(run.out).hasMatch(), qPrintable(run.out));
        const QRegularExpression punch(QStringLiteral("\\n%1 +cleardb-\\S+ +punch +\\$9\\.99 +elsewhere +yes "
                                                      "+[0-9.]+ [KM]B of 1\\.0 GB \\(\\d+ %\\) +1 of \\d+ ")
                                           .arg(SimProcess::appName(1)));
        QVERIFY2(punch.match(run.out).hasMatch(), qPrintable(run.out));
        QVERIFY2(QRegularExpression(QStringLiteral("\\n3 ClearDB add-ons on 3 apps, \\$9\\.99/month in all; "
                                                   "API rate limit remaining \\d+\\n"))
                     .match(run.out)
                     .hasMatch(),
                 qPrintable(run.out));
        QVERIFY(!run.out.contains(QStringLiteral("postgres")));
        noSecrets(run);
        QVERIFY(ctl.tokenNeverPrinted());
    }

    void jsonAfterPromote()
    {
        CtlProcess ctl(m_env.sim);
        const QString app = SimProcess::appName(0);
        CtlProcess::Run run = ctl.run(args("promote", "--app", app));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = ctl.run(args("--json", "fleet", "--concurrency", "2"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject fleet = parseJson(run.out).object();
        QCOMPARE(fleet.value(QStringLiteral("addons")).toArray().size(), 3);
        QCOMPARE(fleet.value(QStringLiteral("total_monthly_cents")).toInt(), 999);
        QVERIFY(fleet.value(QStringLiteral("rate_limit_remaining")).toInt() > 0);
        QCOMPARE(fleet.value(QStringLiteral("apps")).toInt(), 3);
        QCOMPARE(fleet.value(QStringLiteral("read")).toInt(), 2);
        QCOMPARE(fleet.value(QStringLiteral("unreachable")).toInt(), 1);
        const QJsonObject promoted = rowOf(fleet, app);
        QCOMPARE(promoted.value(QStringLiteral("database_url")).toString(), QStringLiteral("promoted"));
        QCOMPARE(promoted.value(QStringLiteral("probe")).toString(), QStringLiteral("read"));
        QCOMPARE(promoted.value(QStringLiteral("connections_in_use")).toInt(), 1);
        QVERIFY(promoted.value(QStringLiteral("used_bytes")).isDouble());
        QCOMPARE(rowOf(fleet, SimProcess::appName(1)).value(QStringLiteral("database_url")).toString(),
                 QStringLiteral("elsewhere"));
        const QJsonObject down = rowOf(fleet, m_env.unreachableApp);
        QCOMPARE(down.value(QStringLiteral("probe")).toString(), QStringLiteral("unreachable"));
        QVERIFY(!down.value(QStringLiteral("state_line")).toString().isEmpty());
        noSecrets(run);
        QVERIFY(ctl.tokenNeverPrinted());
    }

    void noProbeWritesCsv()
    {
        CtlProcess ctl(m_env.sim);
        const QString csv = ctl.home() + QStringLiteral("/fleet.csv");
        const CtlProcess::Run run = ctl.run(args("fleet", "--no-probe", "--csv", csv));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("not read (API data only)")));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.startsWith("app,addon,plan,price_cents,"));
        QCOMPARE(content.count("\r\n"), 4);
        QVERIFY(content.contains(",skipped,"));
        for (const QString &password : m_env.passwords)
            QVERIFY(!content.contains(password.toUtf8()));
        QVERIFY(!content.contains("mysql://"));
        noSecrets(run);
    }

    void rateLimitedRefreshStillCompletes()
    {
        QVERIFY2(m_env.restart({QStringLiteral("--faults"), QStringLiteral("GET /apps/*/config-vars=429*2")}),
                 qPrintable(m_env.error));
        CtlProcess ctl(m_env.sim);
        const CtlProcess::Run run = ctl.run(args("--json", "fleet", "--no-probe"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject fleet = parseJson(run.out).object();
        QCOMPARE(fleet.value(QStringLiteral("config_failed")).toInt(), 0);
        QVERIFY(fleet.value(QStringLiteral("rate_limit_remaining")).toInt() > 0);
        for (const QJsonValue &row : fleet.value(QStringLiteral("addons")).toArray())
            QVERIFY(row.toObject().value(QStringLiteral("database_url")).toString() !=
                    QStringLiteral("unknown"));
    }

    void aFailedListingExitsOne()
    {
        QVERIFY2(m_env.restart({QStringLiteral("--faults"), QStringLiteral("GET /addons=500*1")}),
                 qPrintable(m_env.error));
        CtlProcess ctl(m_env.sim);
        CtlProcess::Run run = ctl.run(args("fleet"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("could not list the account's add-ons")),
                 qPrintable(run.err));
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        run = ctl.run(args("fleet", "--concurrency", "9"));
        QCOMPARE(run.exitCode, 2);
        run = ctl.run(args("fleet", "extra"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(ctl.tokenNeverPrinted());
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlFleet)
#include "tst_cleardbctl_fleet.moc"
