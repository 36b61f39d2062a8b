// SPDX-License-Identifier: MIT
#include "../../core/sandbox/SandboxTestEnv.h"
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <memory>

using namespace CtlTest;

// `cleardbctl usage` against a real database on the sandbox pair, as its own unprivileged user with a
// per-user connection limit: the figures are the ones the server reports to its administrator, the
// thresholds are crossed and uncrossed by the plan and by connections the test holds open, a user at
// its limit gets a one-line error, and `--app` weighs the database against its add-on's plan.
class TestCleardbctlUsage : public QObject
{
    Q_OBJECT
    using Endpoint = SandboxStatus::Endpoint;
    static constexpr int Limit = 5;
    SandboxStatus m_status;
    SimProcess m_sim;
    const QString m_db = QStringLiteral("usage_ctl%1").arg(QCoreApplication::applicationPid());
    const QString m_user = QStringLiteral("usage_cu%1").arg(QCoreApplication::applicationPid());
    const QString m_password = QStringLiteral("Usage-ctl-%1").arg(QCoreApplication::applicationPid());
    QList<std::shared_ptr<SqlSession>> m_held;

    // The URL goes in through the environment, as users are told to pass it.
    CtlProcess::Run usage(const QStringList &args)
    {
        CtlProcess ctl(m_sim);
        ctl.environment().insert(QStringLiteral("USAGE_TEST_URL"),
                                 QStringLiteral("mysql://%1:%2@127.0.0.1:%3/%4?ssl-ca=%5")
                                     .arg(m_user, m_password)
                                     .arg(m_status.routedPort)
                                     .arg(m_db, m_status.caFile));
        const CtlProcess::Run run =
            ctl.run(QStringList{QStringLiteral("usage"), QStringLiteral("env:USAGE_TEST_URL")} + args);
        if (run.out.contains(m_password) || run.err.contains(m_password))
            qWarning("the password was printed");
        return run;
    }
    CtlProcess::Run usageJson(const QStringList &args)
    {
        return usage(QStringList{QStringLiteral("--json")} + args);
    }

    // Opens `count` more connections as the database's user and keeps them until cleanup().
    bool hold(int count)
    {
        for (int i = 0; i < count; ++i) {
            auto session = std::make_shared<SqlSession>();
            if (session->open(m_status.target(Endpoint::Routed, m_user, m_password, m_db)).isError())
                return false;
            m_held << session;
        }
        return true;
    }

    static QJsonObject finding(const QJsonObject &report, const QString &topic)
    {
        for (const QJsonValue &f : report.value(QStringLiteral("findings")).toArray())
            if (f.toObject().value(QStringLiteral("topic")).toString() == topic)
                return f.toObject();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture did not start the sandbox");
        SandboxTestEnv::createDatabaseWithUser(m_status, m_db, m_user, m_password, Limit);
        // About 7 MB: over ignite's 5 MB, a sliver of punch's 1 GB.
        SandboxTestEnv::adminExec(
            m_status, Endpoint::Primary,
            {QStringLiteral("CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(600))"),
             QStringLiteral("INSERT INTO orders SELECT seq, REPEAT('n', 500) FROM seq_1_to_12000"),
             QStringLiteral("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40))"),
             QStringLiteral("INSERT INTO customers SELECT seq, 'c' FROM seq_1_to_100"),
             QStringLiteral("ANALYZE TABLE orders, customers")},
            m_db);
        QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("5"),
                              QStringLiteral("--sandbox-cluster"), SandboxTestEnv::dir()}),
                 qPrintable(m_sim.errorString()));
    }

    void cleanup() { m_held.clear(); }

    void cleanupTestCase()
    {
        m_held.clear();
        SandboxTestEnv::dropDatabaseWithUser(m_status, m_db, m_user);
    }

    void figuresAreWhatTheServerReports()
    {
        const CtlProcess::Run run = usageJson({QStringLiteral("--plan"), QStringLiteral("punch")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = parseJson(run.out).object();
        const QVariantList server = SandboxTestEnv::adminExec(
            m_status, Endpoint::Primary,
            {QStringLiteral("SELECT SUM(DATA_LENGTH + INDEX_LENGTH), COUNT(*) FROM information_schema.TABLES "
                            "WHERE TABLE_SCHEMA = '%1'")
                 .arg(m_db)});
        QVERIFY2(
            server.value(0).toLongLong() > 5 * 1024 * 1024,
            qPrintable(
                QStringLiteral("premise: the data is over 5 MB, not %1").arg(server.value(0).toLongLong())));
        const QJsonObject storage = report.value(QStringLiteral("storage")).toObject();
        QCOMPARE(qint64(storage.value(QStringLiteral("used_bytes")).toDouble()),
                 server.value(0).toLongLong());
        QCOMPARE(storage.value(QStringLiteral("level")).toString(), QStringLiteral("fine"));
        const QJsonArray tables = report.value(QStringLiteral("tables")).toArray();
        QCOMPARE(tables.size(), server.value(1).toInt());
        QCOMPARE(tables.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("orders"));
        QVERIFY(tables.at(0).toObject().value(QStringLiteral("rows_estimate")).toInt() > 10000);
        const QJsonObject connections = report.value(QStringLiteral("connections")).toObject();
        QCOMPARE(connections.value(QStringLiteral("in_use")).toInt(), 1); // its own
        QCOMPARE(connections.value(QStringLiteral("limit")).toInt(), Limit);
        QCOMPARE(connections.value(QStringLiteral("limit_source")).toString(), QStringLiteral("server"));
        QVERIFY(connections.value(QStringLiteral("server_max_connections")).toInt() > Limit);
        const QJsonObject plan = report.value(QStringLiteral("plan")).toObject();
        QCOMPARE(plan.value(QStringLiteral("name")).toString(), QStringLiteral("punch"));
        QCOMPARE(plan.value(QStringLiteral("price_cents")).toInt(), 999);
        QVERIFY(report.value(QStringLiteral("server"))
                    .toObject()
                    .value(QStringLiteral("version"))
                    .toString()
                    .contains(QStringLiteral("MariaDB")));
        QCOMPARE(report.value(QStringLiteral("database")).toString(), m_db);
        // A URL of 127.0.0.1 is not ClearDB's router: no idle-kill note.
        QVERIFY(report.value(QStringLiteral("router_idle_seconds")).isNull());
    }

    void overIgnitesQuotaAlertsWithTheWayOut()
    {
        CtlProcess::Run run = usageJson({QStringLiteral("--plan"), QStringLiteral("ignite")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject storage = finding(parseJson(run.out).object(), QStringLiteral("storage"));
        QCOMPARE(storage.value(QStringLiteral("level")).toString(), QStringLiteral("alert"));
        const QString line = storage.value(QStringLiteral("line")).toString();
        QVERIFY2(line.contains(QStringLiteral("over the quota")) &&
                     line.contains(QStringLiteral("upgrade to Punch ($9.99/month)")) &&
                     line.contains(QStringLiteral("orders")),
                 qPrintable(line));
        // The same in words for people, the alert first.
        run = usage({QStringLiteral("--plan"), QStringLiteral("ignite")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("Plan:")) &&
                     run.out.contains(QStringLiteral("cleardb:ignite, free")),
                 qPrintable(run.out));
        QVERIFY2(QRegularExpression(QStringLiteral("\\norders +[0-9.]+ MB")).match(run.out).hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("ALERT    Storage: ")), qPrintable(run.out));
        QVERIFY(run.out.indexOf(QStringLiteral("ALERT")) <
                run.out.indexOf(QStringLiteral("Connections: 1 of 5")));
    }

    void connectionsCrossTheThresholds()
    {
        QVERIFY2(hold(3), "premise: the user can open three more connections");
        CtlProcess::Run run = usageJson({QStringLiteral("--plan"), QStringLiteral("punch")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QJsonObject c = finding(parseJson(run.out).object(), QStringLiteral("connections"));
        QCOMPARE(c.value(QStringLiteral("level")).toString(), QStringLiteral("warning")); // 4 of 5
        QVERIFY2(c.value(QStringLiteral("line")).toString().contains(QStringLiteral("4 of 5 (80 %)")),
                 qPrintable(c.value(QStringLiteral("line")).toString()));

        QVERIFY(hold(1));
        run = usageJson({QStringLiteral("--plan"), QStringLiteral("punch")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        c = finding(parseJson(run.out).object(), QStringLiteral("connections"));
        QCOMPARE(c.value(QStringLiteral("level")).toString(), QStringLiteral("alert")); // 5 of 5
        QVERIFY2(c.value(QStringLiteral("line")).toString().contains(QStringLiteral("at the limit")),
                 qPrintable(c.value(QStringLiteral("line")).toString()));

        m_held.removeLast();
        m_held.removeLast();
        QTRY_VERIFY_WITH_TIMEOUT(finding(parseJson(usageJson({}).out).object(), QStringLiteral("connections"))
                                         .value(QStringLiteral("level"))
                                         .toString() == QStringLiteral("fine"),
                                 10000); // 3 of 5: uncrossed once the server has ended the closed sessions
    }

    void aUserAtItsLimitGetsOneClearLine()
    {
        QVERIFY2(hold(Limit), "premise: the user holds every connection it may have");
        const CtlProcess::Run run = usage({});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("max_user_connections")) &&
                     run.errLine().contains(QStringLiteral("close idle connections")),
                 qPrintable(run.err));
    }

    void appUsesItsAddonsPlan()
    {
        CtlProcess ctl(m_sim);
        const QString app = SimProcess::appName(4);
        CtlProcess::Run run =
            ctl.run({QStringLiteral("provision"), QStringLiteral("--app"), app, QStringLiteral("--plan"),
                     QStringLiteral("cleardb:punch"), QStringLiteral("--wait")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = ctl.run({QStringLiteral("--json"), QStringLiteral("usage"), QStringLiteral("--app"), app});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject report = parseJson(run.out).object();
        QCOMPARE(report.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("punch"));
        QCOMPARE(report.value(QStringLiteral("app")).toString(), app);
        QCOMPARE(report.value(QStringLiteral("storage")).toObject().value(QStringLiteral("level")).toString(),
                 QStringLiteral("fine"));
        // The var belongs to a ClearDB add-on: its URL is the routed one, with the router's idle kill.
        QCOMPARE(report.value(QStringLiteral("router_idle_seconds")).toInt(), 90);
        QVERIFY(!finding(report, QStringLiteral("idle")).isEmpty());
        QVERIFY(ctl.tokenNeverPrinted());

        run = ctl.run({QStringLiteral("usage"), QStringLiteral("--app"), QStringLiteral("no-such-app-here")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.errLine().contains(QStringLiteral("Couldn't find that app")) &&
                     run.errLine().contains(QStringLiteral("not_found")),
                 qPrintable(run.err));
    }

    void badArgumentsAreUsageErrors()
    {
        CtlProcess::Run run = usage({QStringLiteral("--plan"), QStringLiteral("gold")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errLine().contains(QStringLiteral("ignite, punch, drift, scream")), qPrintable(run.err));
        run = usage({QStringLiteral("--tables"), QStringLiteral("-1")});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCleardbctlUsage)
#include "tst_cleardbctl_usage.moc"
