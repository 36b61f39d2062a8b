// SPDX-License-Identifier: MIT
// heroku-sim --cleardb-apps N through the binary: the add-ons and DATABASE_URLs it seeds, quick at 500
// apps, documented in --help, refused when not a number.
#include "SimHttp.h"
#include "SimProcess.h"
#include "TestConfig.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {
QString clearDbPlanOf(SimHttp &http, const QString &app)
{
    for (const QJsonValue &addon : http.get(QStringLiteral("/apps/%1/addons").arg(app)).json().array()) {
        const QString plan =
            addon.toObject().value(QLatin1String("plan")).toObject().value(QLatin1String("name")).toString();
        if (plan.startsWith(QLatin1String("cleardb:")))
            return plan;
    }
    return {};
}
} // namespace

class TestSimClearDbApps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedsTheUsageLayout();
    void fiveHundredAppsStartQuickly();
    void invalidCountIsRefused();
    void helpDescribesIt();
};

void TestSimClearDbApps::seedsTheUsageLayout()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("4"), QStringLiteral("--cleardb-apps"),
                        QStringLiteral("3")}),
             qPrintable(sim.errorString()));
    SimHttp http(sim);
    QCOMPARE(clearDbPlanOf(http, SimProcess::appName(0)), QStringLiteral("cleardb:ignite"));
    QCOMPARE(clearDbPlanOf(http, SimProcess::appName(1)), QStringLiteral("cleardb:punch"));
    QCOMPARE(clearDbPlanOf(http, SimProcess::appName(2)), QStringLiteral("cleardb:ignite"));
    QCOMPARE(clearDbPlanOf(http, SimProcess::appName(3)), QString());
    const auto config = [&](int index) {
        return http.get(QStringLiteral("/apps/%1/config-vars").arg(SimProcess::appName(index)))
            .json()
            .object();
    };
    const QJsonObject promoted = config(2);
    QVERIFY(promoted.value(QLatin1String("CLEARDB_DATABASE_URL"))
                .toString()
                .startsWith(QLatin1String("mysql://")));
    QCOMPARE(promoted.value(QLatin1String("DATABASE_URL")),
             promoted.value(QLatin1String("CLEARDB_DATABASE_URL")));
    const QJsonObject elsewhere = config(1);
    QVERIFY(
        elsewhere.value(QLatin1String("DATABASE_URL")).toString().startsWith(QLatin1String("postgres://")));
    QVERIFY(!config(0).contains(QLatin1String("DATABASE_URL")));
}

void TestSimClearDbApps::fiveHundredAppsStartQuickly()
{
    SimProcess sim;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("500"), QStringLiteral("--cleardb-apps"),
                        QStringLiteral("500")}),
             qPrintable(sim.errorString()));
    qInfo("heroku-sim with 500 ClearDB apps answered after %lld ms", timer.elapsed());
    SimHttp http(sim);
    QCOMPARE(clearDbPlanOf(http, SimProcess::appName(499)), QStringLiteral("cleardb:ignite"));
    QCOMPARE(clearDbPlanOf(http, SimProcess::appName(6)), QStringLiteral("cleardb:scream"));
}

void TestSimClearDbApps::invalidCountIsRefused()
{
    SimProcess sim;
    QVERIFY(!sim.start({QStringLiteral("--cleardb-apps"), QStringLiteral("some")}));
    QCOMPARE(sim.process().exitCode(), 1);
    QVERIFY2(sim.standardError().contains(QLatin1String("--cleardb-apps must be a whole number")),
             qPrintable(sim.standardError()));
}

void TestSimClearDbApps::helpDescribesIt()
{
    QProcess help;
    help.start(QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim"), {QStringLiteral("--help")});
    QVERIFY(help.waitForFinished(10000));
    const QByteArray out = help.readAllStandardOutput();
    QVERIFY2(out.contains("--cleardb-apps <n>"), out.constData());
}

QTEST_GUILESS_MAIN(TestSimClearDbApps)
#include "tst_simcleardbapps.moc"
