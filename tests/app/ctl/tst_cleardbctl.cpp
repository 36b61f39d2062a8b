// SPDX-License-Identifier: MIT
// cleardbctl end to end: the real binary against a real heroku-sim. Commands, exit codes,
// --json shapes (the API's own objects), pagination, usage errors, add-on changes.
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimHttp.h"
#include "SimProcess.h"
#include "SimRequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
const QString Token = QStringLiteral("ctl-e2e-token-4fQ9zX7mK2");
const QString ClearDbApp = SimProcess::appName(0);  // seeded with cleardb:ignite
const QString PostgresApp = SimProcess::appName(1); // cleardb:punch + Heroku Postgres on DATABASE_URL
const QString EmptyApp = SimProcess::appName(2);    // no add-ons

} // namespace

using namespace CtlTest;

class TestCleardbctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void versionAndHelp();
    void usageErrors_data();
    void usageErrors();
    void appsJsonIsTheApiObjects();
    void appsTable();
    void appsFollowsPagination();
    void addonsAndPlans();
    void unknownAppFailsWithErrorIdAndRequestId();
    void upgradeAcceptsBareAndQualifiedPlan();
    void upgradeNeedsAddonWhenThereAreSeveral();
    void removeRefusesWithoutMatchingConfirm();
    void removeDeletesWithConfirm();
    void restartRestartsAllDynos();

private:
    SimProcess m_sim{Token};
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctl::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("6"), QStringLiteral("--log"),
                          QStringLiteral("--provision-delay"), QStringLiteral("200")}),
             qPrintable(m_sim.errorString()));
    m_ctl = new CtlProcess(m_sim);
}

void TestCleardbctl::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctl::versionAndHelp()
{
    const auto version = m_ctl->run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.startsWith(QStringLiteral("cleardbctl ")) &&
                 version.out.contains(QStringLiteral(CLEARDB_VERSION)),
             qPrintable(version.out));

    const auto help = m_ctl->run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char *command : {"apps", "addons", "plans", "provision", "upgrade", "remove", "config", "set",
                                "unset", "promote", "restart", "login", "logout"})
        QVERIFY2(help.out.contains(QStringLiteral("\n  ") + QLatin1String(command) + QLatin1Char(' ')),
                 command);
    QVERIFY(help.out.contains(QStringLiteral("CLEARDBCTL_TIMEOUT_MS")));

    const auto provisionHelp = m_ctl->run({QStringLiteral("provision"), QStringLiteral("--help")});
    QCOMPARE(provisionHelp.exitCode, 0);
    QVERIFY(provisionHelp.out.startsWith(QStringLiteral("Usage: cleardbctl [--json] provision")));
    QVERIFY(provisionHelp.out.contains(QStringLiteral("--wait")));
}

void TestCleardbctl::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("helpHint");
    const QString app = ClearDbApp;
    QTest::newRow("no command") << args() << S("no command") << S("cleardbctl --help");
    QTest::newRow("unknown command") << args("frobnicate") << S("unknown command \"frobnicate\"")
                                     << S("cleardbctl --help");
    QTest::newRow("unknown global option")
        << args("--jsn", "apps") << S("unknown option 'jsn'") << S("cleardbctl --help");
    QTest::newRow("unknown command option")
        << args("apps", "--all") << S("unknown option 'all'") << S("cleardbctl apps --help");
    QTest::newRow("apps extra argument")
        << args("apps", "x") << S("unexpected argument \"x\"") << S("cleardbctl apps --help");
    QTest::newRow("config without app")
        << args("config") << S("--app APP is required") << S("cleardbctl config --help");
    QTest::newRow("option without value")
        << args("config", "--app") << S("missing value after '--app'") << S("cleardbctl config --help");
    QTest::newRow("provision without app")
        << args("provision", "--wait") << S("--app APP is required") << S("cleardbctl provision --help");
    QTest::newRow("upgrade without plan")
        << args("upgrade", "--app", app) << S("--plan PLAN is required") << S("cleardbctl upgrade --help");
    QTest::newRow("set without pairs")
        << args("set", "--app", app) << S("at least one VAR=VALUE") << S("cleardbctl set --help");
    QTest::newRow("set without =") << args("set", "--app", app, "FOO") << S("\"FOO\" is not VAR=VALUE")
                                   << S("cleardbctl set --help");
    QTest::newRow("set bad name") << args("set", "--app", app, "MY-VAR=1")
                                  << S("\"MY-VAR\" is not a config var name") << S("cleardbctl set --help");
    QTest::newRow("unset without vars")
        << args("unset", "--app", app) << S("at least one VAR") << S("cleardbctl unset --help");
    QTest::newRow("promote onto itself") << args("promote", "--app", app, "--to", "CLEARDB_DATABASE_URL")
                                         << S("nothing to copy") << S("cleardbctl promote --help");
    QTest::newRow("login with token argument")
        << args("login", "tok") << S("never on the command line") << S("cleardbctl login --help");
}

void TestCleardbctl::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QFETCH(QString, helpHint);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ")), qPrintable(run.err));
    QVERIFY2(run.errLine().contains(expected), qPrintable(run.err));
    QVERIFY2(run.errLine().contains(helpHint), qPrintable(run.err));
    QVERIFY2(!run.err.trimmed().contains(QLatin1Char('\n')), "a usage error is one line");
    QCOMPARE(log.total(), 0);
}

void TestCleardbctl::appsJsonIsTheApiObjects()
{
    const auto run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray apps = parseJson(run.out).array();
    QCOMPARE(apps.size(), 6);
    // Exactly what the API returns for the same app: no renamed, dropped or added fields.
    SimHttp http(m_sim);
    const QJsonObject direct = http.get(QStringLiteral("/apps/") + ClearDbApp).json().object();
    QVERIFY(!direct.isEmpty());
    bool found = false;
    for (const QJsonValue &app : apps) {
        if (app.toObject().value(QStringLiteral("name")).toString() == ClearDbApp) {
            QCOMPARE(app.toObject(), direct);
            found = true;
        }
    }
    QVERIFY(found);
    QVERIFY(
        apps.first().toObject().value(QStringLiteral("region")).toObject().contains(QStringLiteral("name")));
}

void TestCleardbctl::appsTable()
{
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2 + 6); // header, rule, one row per app
    QVERIFY(lines.first().startsWith(QStringLiteral("NAME")));
    QVERIFY(run.out.contains(ClearDbApp));
}

void TestCleardbctl::appsFollowsPagination()
{
    SimProcess big(Token);
    QVERIFY2(big.start({QStringLiteral("--apps"), QStringLiteral("2000"), QStringLiteral("--log")}),
             qPrintable(big.errorString()));
    CtlProcess ctl(big);
    SimRequestLog log(big);
    const auto run = ctl.run({QStringLiteral("--json"), QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray apps = parseJson(run.out).array();
    QCOMPARE(apps.size(), 2000);
    QSet<QString> names;
    for (const QJsonValue &app : apps)
        names.insert(app.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names.size(), 2000);
    QVERIFY(names.contains(SimProcess::appName(1999)));
    // Pages of 1000 (Heroku's maximum): 206 + Next-Range, then 200.
    QCOMPARE(log.lines(), (args(QStringLiteral("GET /apps -> 206"), QStringLiteral("GET /apps -> 200"))));
    QVERIFY(ctl.tokenNeverPrinted());
}

void TestCleardbctl::addonsAndPlans()
{
    const auto forApp = m_ctl->run(
        {QStringLiteral("--json"), QStringLiteral("addons"), QStringLiteral("--app"), PostgresApp});
    QCOMPARE(forApp.exitCode, 0);
    const QJsonArray addons = parseJson(forApp.out).array();
    QCOMPARE(addons.size(), 2);
    QStringList services;
    for (const QJsonValue &addon : addons) {
        const QJsonObject object = addon.toObject();
        services << object.value(QStringLiteral("addon_service"))
                        .toObject()
                        .value(QStringLiteral("name"))
                        .toString();
        for (const char *field : {"id", "name", "app", "plan", "state", "config_vars"})
            QVERIFY2(object.contains(QLatin1String(field)), field);
    }
    services.sort();
    QCOMPARE(services, (args(QStringLiteral("cleardb"), QStringLiteral("heroku-postgresql"))));

    const auto all = m_ctl->run({QStringLiteral("addons")});
    QCOMPARE(all.exitCode, 0);
    QVERIFY(all.out.contains(QStringLiteral("cleardb:ignite")) &&
            all.out.contains(QStringLiteral("cleardb:punch")));

    const auto empty = m_ctl->run({QStringLiteral("addons"), QStringLiteral("--app"), EmptyApp});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.out.trimmed(), QStringLiteral("%1 has no add-ons.").arg(EmptyApp));

    const auto plans = m_ctl->run({QStringLiteral("--json"), QStringLiteral("plans")});
    QCOMPARE(plans.exitCode, 0);
    QStringList planNames;
    for (const QJsonValue &plan : parseJson(plans.out).array())
        planNames << plan.toObject().value(QStringLiteral("name")).toString();
    for (const char *plan : {"cleardb:ignite", "cleardb:punch", "cleardb:drift", "cleardb:scream"})
        QVERIFY2(planNames.contains(QLatin1String(plan)), plan);

    const auto table = m_ctl->run({QStringLiteral("plans"), QStringLiteral("cleardb")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY(table.out.contains(QStringLiteral("$9.99/month")));
}

void TestCleardbctl::unknownAppFailsWithErrorIdAndRequestId()
{
    static const QRegularExpression shape(
        QStringLiteral("^error: .+ \\(not_found, request [0-9a-fA-F-]{8,}\\)$"));
    for (const QStringList &command :
         {args("config", "--app", "no-such-app"), args("addons", "--app", "no-such-app"),
          args("restart", "--app", "no-such-app"), args("--json", "set", "--app", "no-such-app", "A=1"),
          args("unset", "--app", "no-such-app", "A"), args("promote", "--app", "no-such-app"),
          args("provision", "--app", "no-such-app", "--wait"),
          args("upgrade", "--app", "no-such-app", "--plan", "punch"),
          args("remove", "--app", "no-such-app", "--confirm", "no-such-app"),
          args("plans", "no-such-service")}) {
        const auto run = m_ctl->run(command);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(shape.match(run.errLine()).hasMatch(), qPrintable(run.err));
    }
}

void TestCleardbctl::upgradeAcceptsBareAndQualifiedPlan()
{
    const auto bare =
        m_ctl->run({QStringLiteral("--json"), QStringLiteral("upgrade"), QStringLiteral("--app"), ClearDbApp,
                    QStringLiteral("--plan"), QStringLiteral("scream")});
    QCOMPARE(bare.exitCode, 0);
    const QJsonObject addon = parseJson(bare.out).object();
    QCOMPARE(addon.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("cleardb:scream"));
    const auto qualified = m_ctl->run({QStringLiteral("upgrade"), QStringLiteral("--app"), ClearDbApp,
                                       QStringLiteral("--plan"), QStringLiteral("cleardb:punch")});
    QCOMPARE(qualified.exitCode, 0);
    QVERIFY2(qualified.out.contains(QStringLiteral("now on cleardb:punch")), qPrintable(qualified.out));
    const auto unknownPlan = m_ctl->run({QStringLiteral("upgrade"), QStringLiteral("--app"), ClearDbApp,
                                         QStringLiteral("--plan"), QStringLiteral("gigantic")});
    QCOMPARE(unknownPlan.exitCode, 1);
    QVERIFY(unknownPlan.errLine().startsWith(QStringLiteral("error: ")));
}

void TestCleardbctl::upgradeNeedsAddonWhenThereAreSeveral()
{
    const QString app = SimProcess::appName(4);
    QCOMPARE(m_ctl->run(args("provision", "--app", app, "--wait", "--name", "first-db")).exitCode, 0);
    QCOMPARE(m_ctl->run(args("provision", "--app", app, "--wait", "--name", "second-db")).exitCode, 0);
    SimRequestLog log(m_sim);
    const auto ambiguous = m_ctl->run({QStringLiteral("upgrade"), QStringLiteral("--app"), app,
                                       QStringLiteral("--plan"), QStringLiteral("punch")});
    QCOMPARE(ambiguous.exitCode, 2);
    QVERIFY2(ambiguous.errLine().contains(QStringLiteral("first-db")) &&
                 ambiguous.errLine().contains(QStringLiteral("second-db")),
             qPrintable(ambiguous.err));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    const auto named =
        m_ctl->run({QStringLiteral("upgrade"), QStringLiteral("--app"), app, QStringLiteral("--plan"),
                    QStringLiteral("punch"), QStringLiteral("second-db")});
    QCOMPARE(named.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("PATCH"), QStringLiteral("/apps/%1/addons/second-db").arg(app)), 1);
}

void TestCleardbctl::removeRefusesWithoutMatchingConfirm()
{
    SimRequestLog log(m_sim);
    for (const QStringList &command :
         {args("remove", "--app", PostgresApp), args("remove", "--app", PostgresApp, "--confirm", ClearDbApp),
          args("--json", "remove", "--app", PostgresApp, "--confirm", "")}) {
        const auto run = m_ctl->run(command);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errLine().contains(QStringLiteral("--confirm")), qPrintable(run.err));
    }
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QCOMPARE(log.total(), 0);
}

void TestCleardbctl::removeDeletesWithConfirm()
{
    const QString app = SimProcess::appName(5);
    QCOMPARE(m_ctl->run({QStringLiteral("provision"), QStringLiteral("--app"), app}).exitCode, 0);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("remove"), QStringLiteral("--app"),
                                 app, QStringLiteral("--confirm"), app});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    const QJsonObject removed = parseJson(run.out).object();
    QVERIFY(removed.contains(QStringLiteral("id")));
    const auto after =
        m_ctl->run({QStringLiteral("--json"), QStringLiteral("addons"), QStringLiteral("--app"), app});
    QCOMPARE(parseJson(after.out).array().size(), 0);
    // Nothing left to remove: a clear failure, not a usage error.
    const auto again = m_ctl->run(
        {QStringLiteral("remove"), QStringLiteral("--app"), app, QStringLiteral("--confirm"), app});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.errLine().contains(QStringLiteral("has no ClearDB add-on")));
}

void TestCleardbctl::restartRestartsAllDynos()
{
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("restart"), QStringLiteral("--app"), ClearDbApp});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(ClearDbApp)), 1);
    QVERIFY(run.out.contains(QStringLiteral("Restarted all dynos of ") + ClearDbApp));
}

QTEST_GUILESS_MAIN(TestCleardbctl)
#include "tst_cleardbctl.moc"
