// SPDX-License-Identifier: MIT
// heroku-sim's sandbox provisioner on the fixture cluster: a ClearDB user gets its plan's connection
// limit, a seeded add-on's database holds its sample data on both masters before it is provisioned,
// and `heroku-sim --cleardb-apps` on the cluster shows every usage situation.
#include "SandboxTestEnv.h"
#include "SimHttp.h"
#include "SimProcess.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/ClearDbPlans.h"
#include "probe/SqlSession.h"
#include "sandbox/SandboxCluster.h"
#include "sim/provisioning/SandboxDatabaseProvisioner.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

namespace {
using Endpoint = SandboxStatus::Endpoint;

qint64 databaseBytes(const SandboxStatus &status, Endpoint endpoint, const QString &database)
{
    const QVariantList row = SandboxTestEnv::adminExec(
        status, endpoint,
        {QStringLiteral("SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) FROM information_schema.TABLES "
                        "WHERE TABLE_SCHEMA = '%1'")
             .arg(database)});
    return row.isEmpty() ? -1 : row.first().toLongLong();
}

bool within(qint64 bytes, qint64 goal, int percent)
{
    return bytes >= goal - goal * percent / 100 && bytes <= goal + goal * percent / 100;
}
} // namespace

class TestSandboxProvisioner : public QObject
{
    Q_OBJECT
    SandboxStatus m_status;

    // Provisions through the sandbox provisioner as heroku-sim does; the published URL, parsed.
    DatabaseUrl provision(const QString &plan, qint64 seedBytes)
    {
        SandboxDatabaseProvisioner provisioner(
            new SandboxCluster(SandboxTestEnv::script(), SandboxTestEnv::dir()));
        QSignalSpy provisioned(&provisioner, &DatabaseProvisioner::provisioned);
        QSignalSpy failed(&provisioner, &DatabaseProvisioner::failed);
        provisioner.provision(QStringLiteral("addon-") + plan, plan, seedBytes);
        if (!QTest::qWaitFor([&] { return !provisioned.isEmpty() || !failed.isEmpty(); }, 120000) ||
            provisioned.isEmpty()) {
            qWarning("not provisioned: %s",
                     failed.isEmpty() ? "timeout" : qPrintable(failed.first().at(1).toString()));
            return {};
        }
        return DatabaseUrl::parse(provisioned.first().at(1).toString()).url;
    }

    // The first value of `sql` run as the URL's own user, over the routed endpoint.
    QString asUser(const DatabaseUrl &url, const QString &sql)
    {
        SqlSession session;
        const ProbeError opened =
            session.open(m_status.target(Endpoint::Routed, url.user(), url.password(), url.database()));
        if (opened.isError())
            return QStringLiteral("<login failed: %1>").arg(opened.toString());
        QVariantList row;
        const ProbeError error = session.exec(sql, {}, &row);
        return error.isError() ? QStringLiteral("<%1>").arg(error.toString()) : row.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), qPrintable(m_status.state));
    }

    // ClearDB limits each user to its plan's connections (max_user_connections); the user sees it.
    void userGetsItsPlansConnectionLimit_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::newRow("ignite") << QStringLiteral("cleardb:ignite");
        QTest::newRow("punch") << QStringLiteral("cleardb:punch");
    }
    void userGetsItsPlansConnectionLimit()
    {
        QFETCH(QString, plan);
        const DatabaseUrl url = provision(plan, 0);
        QVERIFY(!url.user().isEmpty());
        QCOMPARE(asUser(url, QStringLiteral("SELECT @@max_user_connections")),
                 QString::number(ClearDbPlans::find(plan)->maxConnections));
        // Premise of the limit being the user's own: the server's global setting is unlimited.
        QCOMPARE(SandboxTestEnv::adminExec(m_status, Endpoint::Primary,
                                           {QStringLiteral("SELECT @@global.max_user_connections")})
                     .value(0)
                     .toString(),
                 QStringLiteral("0"));
        // The secondary, where HAProxy sends the user after a failover, has the same limit.
        QCOMPARE(SandboxTestEnv::adminExec(m_status, Endpoint::Secondary,
                                           {QStringLiteral("SELECT max_user_connections FROM mysql.user "
                                                           "WHERE user = '%1'")
                                                .arg(url.user())})
                     .value(0)
                     .toString(),
                 QString::number(ClearDbPlans::find(plan)->maxConnections));
    }

    // The URL appears only once the sample data is there, on both masters, at the size asked for;
    // filling again replaces it rather than adding to it.
    void seededDatabaseIsFilledOnBothMasters()
    {
        const qint64 goal = 6 * 1024 * 1024;
        const DatabaseUrl url = provision(QStringLiteral("cleardb:ignite"), goal);
        QVERIFY(!url.database().isEmpty());
        const qint64 primary = databaseBytes(m_status, Endpoint::Primary, url.database());
        const qint64 secondary = databaseBytes(m_status, Endpoint::Secondary, url.database());
        QVERIFY2(within(primary, goal, 15), qPrintable(QString::number(primary)));
        QVERIFY2(within(secondary, goal, 15), qPrintable(QString::number(secondary)));
        QVERIFY(asUser(url, QStringLiteral("SELECT COUNT(*) FROM orders JOIN order_items "
                                           "ON order_items.order_id = orders.id"))
                    .toLongLong() > 0);

        QElapsedTimer timer;
        timer.start();
        SandboxTestEnv::run({QStringLiteral("fill-db"), url.database(), QString::number(goal)});
        qInfo("a second 6 MB fill took %lld ms", timer.elapsed());
        const qint64 again = databaseBytes(m_status, Endpoint::Primary, url.database());
        QVERIFY2(within(again, goal, 15), qPrintable(QString::number(again)));
        QVERIFY2(within(databaseBytes(m_status, Endpoint::Secondary, url.database()), goal, 15),
                 "the secondary did not follow the second fill");
    }

    void fillRefusesAMissingDatabase()
    {
        int code = 0;
        SandboxTestEnv::run(
            {QStringLiteral("fill-db"), QStringLiteral("no_such_database"), QStringLiteral("1000")}, {},
            &code);
        QCOMPARE(code, 2);
    }

    // The seed on the cluster: app 1 near its quota, app 3 over it with DATABASE_URL promoted, app 2's
    // DATABASE_URL owned by Heroku Postgres.
    void simSeedShowsEveryUsageSituation()
    {
        SimProcess sim;
        QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--cleardb-apps"),
                            QStringLiteral("3"), QStringLiteral("--sandbox-cluster"), SandboxTestEnv::dir()}),
                 qPrintable(sim.errorString()));
        SimHttp http(sim);
        const QString routed = QStringLiteral("@127.0.0.1:%1/").arg(m_status.routedPort);
        const auto config = [&](int index) {
            return http.get(QStringLiteral("/apps/%1/config-vars").arg(SimProcess::appName(index)))
                .json()
                .object();
        };
        const auto real = [&](int index) {
            return config(index).value(QLatin1String("CLEARDB_DATABASE_URL")).toString().contains(routed);
        };
        QVERIFY(QTest::qWaitFor([&] { return real(0) && real(1) && real(2); }, 120000));

        const ClearDbPlan ignite = *ClearDbPlans::find(QStringLiteral("ignite"));
        const auto percent = [&](int index) {
            const QString url = config(index).value(QLatin1String("CLEARDB_DATABASE_URL")).toString();
            return databaseBytes(m_status, Endpoint::Primary, DatabaseUrl::parse(url).url.database()) * 100 /
                   ignite.storageBytes();
        };
        QVERIFY2(percent(0) >= 80 && percent(0) < 95, qPrintable(QString::number(percent(0))));
        QVERIFY2(percent(2) >= 100, qPrintable(QString::number(percent(2))));
        const QJsonObject third = config(2);
        QCOMPARE(third.value(QLatin1String("DATABASE_URL")),
                 third.value(QLatin1String("CLEARDB_DATABASE_URL")));
        QVERIFY(config(1)
                    .value(QLatin1String("DATABASE_URL"))
                    .toString()
                    .startsWith(QLatin1String("postgres://")));
    }
};

QTEST_GUILESS_MAIN(TestSandboxProvisioner)
#include "tst_sandboxprovisioner.moc"
