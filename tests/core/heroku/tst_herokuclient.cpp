// SPDX-License-Identifier: MIT
// The Platform API client against a real heroku-sim: every endpoint, the error
// ids users see, pagination and back-off (writes sent once: tst_herokuwritesonce).
#include "HerokuClientTestSupport.h"
#include "SimProcess.h"
#include "SimRequestLog.h"
#include "heroku/AddonProvisioner.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QtTest>

class TestHerokuClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void accountAndRateLimits();
    void listsAllAppsOverPages();
    void readsAppsAndAddons();
    void addonLifecycle();
    void configVarsSetAndUnset();
    void attachmentOwnedVarIsRefused();
    void restartsDynos();
    void listsClearDbPlans();
    void reportsNotFoundWithRequestId();
    void reportsBadToken();
    void retriesGetAfter429();
    void reportsServerErrorsAndDrops_data();
    void reportsServerErrorsAndDrops();
    void provisionerWaitsUntilProvisioned();
    void provisionerTimesOut();
    void provisionerCancelKeepsAddon();
    void tokenNeverInRecordsOrErrors();

private:
    std::unique_ptr<HerokuClient> clientFor(const SimProcess &sim, const QString &token = QString());
    QNetworkAccessManager m_network;
    RetryPolicy m_fastRetry;
};

void TestHerokuClient::initTestCase()
{
    qRegisterMetaType<HerokuResult>();
    m_fastRetry = fastRetryPolicy();
}

std::unique_ptr<HerokuClient> TestHerokuClient::clientFor(const SimProcess &sim, const QString &token)
{
    return simClient(&m_network, sim, m_fastRetry, token);
}

void TestHerokuClient::accountAndRateLimits()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3")}));
    auto client = clientFor(sim);
    QSignalSpy rateSpy(client.get(), &HerokuClient::rateLimitChanged);

    const HerokuResult account = waitFor(client->account());
    QVERIFY2(account.ok(), qPrintable(account.error.oneLine()));
    QVERIFY(account.object().value(QLatin1String("email")).toString().contains(QLatin1Char('@')));
    QVERIFY(!account.requestId.isEmpty());

    const HerokuResult limits = waitFor(client->rateLimits());
    QVERIFY2(limits.ok(), qPrintable(limits.error.oneLine()));
    QVERIFY(limits.object().value(QLatin1String("remaining")).toInt() > 0);
    QVERIFY(rateSpy.count() >= 1);
    QVERIFY(client->rateLimitRemaining() > 0);
}

void TestHerokuClient::listsAllAppsOverPages()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2000")}));
    auto client = clientFor(sim);
    const HerokuResult apps = waitFor(client->apps());
    QVERIFY2(apps.ok(), qPrintable(apps.error.oneLine()));
    QCOMPARE(apps.array().size(), 2000);
    QSet<QString> ids;
    for (const QJsonValue &app : apps.array())
        ids.insert(app.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(ids.size(), 2000); // every app exactly once
    // Range max=1000 and 206 + Next-Range: two pages, two requests.
    QCOMPARE(apps.httpRequests, 2);
}

void TestHerokuClient::readsAppsAndAddons()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3")}));
    auto client = clientFor(sim);
    const HerokuResult apps = waitFor(client->apps());
    QVERIFY(apps.ok());
    const HerokuApp first = HerokuApp::fromJson(apps.array().first().toObject());

    const HerokuResult app = waitFor(client->app(first.name));
    QVERIFY2(app.ok(), qPrintable(app.error.oneLine()));
    QCOMPARE(HerokuApp::fromJson(app.object()).id, first.id);

    const HerokuResult all = waitFor(client->addons());
    QVERIFY2(all.ok(), qPrintable(all.error.oneLine()));
    const QList<HerokuAddon> addons = HerokuAddon::listFromJson(all.array());
    QVERIFY(!addons.isEmpty());
    const auto clearDb =
        std::find_if(addons.cbegin(), addons.cend(), [](const HerokuAddon &a) { return a.isClearDb(); });
    QVERIFY(clearDb != addons.cend());

    const HerokuResult forApp = waitFor(client->addonsForApp(clearDb->appName));
    QVERIFY(forApp.ok());
    QVERIFY(!forApp.array().isEmpty());
    const HerokuResult one = waitFor(client->addon(clearDb->id));
    QVERIFY(one.ok());
    QCOMPARE(HerokuAddon::fromJson(one.object()).name, clearDb->name);
    const HerokuResult byApp = waitFor(client->addonForApp(clearDb->appName, clearDb->name));
    QVERIFY(byApp.ok());
    QCOMPARE(HerokuAddon::fromJson(byApp.object()).planName, clearDb->planName);
    const HerokuResult attachments = waitFor(client->attachmentsForApp(clearDb->appName));
    QVERIFY2(attachments.ok(), qPrintable(attachments.error.oneLine()));
    QVERIFY(!attachments.array().isEmpty());
}

void TestHerokuClient::addonLifecycle()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("0")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);

    const HerokuResult created =
        waitFor(client->createAddon(app, QStringLiteral("cleardb:ignite"), QStringLiteral("my-db")));
    QVERIFY2(created.ok(), qPrintable(created.error.oneLine()));
    HerokuAddon addon = HerokuAddon::fromJson(created.object());
    QCOMPARE(addon.name, QStringLiteral("my-db"));
    QCOMPARE(addon.planName, QStringLiteral("cleardb:ignite"));

    const HerokuResult upgraded =
        waitFor(client->changeAddonPlan(app, addon.name, QStringLiteral("cleardb:scream")));
    QVERIFY2(upgraded.ok(), qPrintable(upgraded.error.oneLine()));
    QCOMPARE(HerokuAddon::fromJson(upgraded.object()).planName, QStringLiteral("cleardb:scream"));

    const HerokuResult badPlan =
        waitFor(client->changeAddonPlan(app, addon.name, QStringLiteral("cleardb:gigantic")));
    QVERIFY(!badPlan.ok());
    QCOMPARE(badPlan.error.kind, HerokuError::Kind::Api);
    QVERIFY(!badPlan.error.id.isEmpty());

    const HerokuResult removed = waitFor(client->deleteAddon(app, addon.name));
    QVERIFY2(removed.ok(), qPrintable(removed.error.oneLine()));
    const HerokuResult gone = waitFor(client->addonForApp(app, addon.name));
    QCOMPARE(gone.error.httpStatus, 404);
    QCOMPARE(gone.error.id, QStringLiteral("not_found"));
}

void TestHerokuClient::configVarsSetAndUnset()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);

    const QJsonObject changes{{QStringLiteral("FEATURE_X"), QStringLiteral("on")},
                              {QStringLiteral("SPACED_VALUE"), QStringLiteral("a b=c&d")}};
    const HerokuResult set = waitFor(client->updateConfigVars(app, changes));
    QVERIFY2(set.ok(), qPrintable(set.error.oneLine()));
    QCOMPARE(set.object().value(QLatin1String("FEATURE_X")).toString(), QStringLiteral("on"));

    const HerokuResult unset =
        waitFor(client->updateConfigVars(app, QJsonObject{{QStringLiteral("FEATURE_X"), QJsonValue::Null}}));
    QVERIFY2(unset.ok(), qPrintable(unset.error.oneLine()));
    const HerokuResult read = waitFor(client->configVars(app));
    QVERIFY(read.ok());
    QVERIFY(!read.object().contains(QLatin1String("FEATURE_X")));
    QCOMPARE(read.object().value(QLatin1String("SPACED_VALUE")).toString(), QStringLiteral("a b=c&d"));
}

void TestHerokuClient::attachmentOwnedVarIsRefused()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(0); // seeded with a provisioned ClearDB add-on
    const HerokuResult before = waitFor(client->configVars(app));
    QVERIFY(before.ok());
    const QString original = before.object().value(QLatin1String("CLEARDB_DATABASE_URL")).toString();
    QVERIFY(original.startsWith(QLatin1String("mysql://")));

    const HerokuResult refused = waitFor(client->updateConfigVars(
        app, QJsonObject{{QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("mysql://x:y@h/d")}}));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error.httpStatus, 422);
    const HerokuResult after = waitFor(client->configVars(app));
    QCOMPARE(after.object().value(QLatin1String("CLEARDB_DATABASE_URL")).toString(), original);
}

void TestHerokuClient::restartsDynos()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2")}));
    auto client = clientFor(sim);
    const HerokuResult restarted = waitFor(client->restartAllDynos(sim.appName(0)));
    QVERIFY2(restarted.ok(), qPrintable(restarted.error.oneLine()));
    QVERIFY(restarted.httpStatus == 202 || restarted.httpStatus == 200);
    const HerokuResult missing = waitFor(client->restartAllDynos(QStringLiteral("no-such-app")));
    QCOMPARE(missing.error.id, QStringLiteral("not_found"));
}

void TestHerokuClient::listsClearDbPlans()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}));
    auto client = clientFor(sim);
    const HerokuResult plans = waitFor(client->addonServicePlans(QStringLiteral("cleardb")));
    QVERIFY2(plans.ok(), qPrintable(plans.error.oneLine()));
    QStringList names;
    for (const QJsonValue &value : plans.array())
        names << HerokuPlan::fromJson(value.toObject()).shortName();
    for (const char *plan : {"ignite", "punch", "drift", "scream"})
        QVERIFY2(names.contains(QLatin1String(plan)), plan);
    const auto ignite = std::find_if(plans.array().begin(), plans.array().end(), [](const QJsonValue &v) {
        return v.toObject().value(QLatin1String("name")).toString() == QLatin1String("cleardb:ignite");
    });
    QCOMPARE(HerokuPlan::fromJson(ignite->toObject()).priceText(), QStringLiteral("free"));
}

void TestHerokuClient::reportsNotFoundWithRequestId()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}));
    auto client = clientFor(sim);
    const HerokuResult result = waitFor(client->app(QStringLiteral("no such/app")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error.kind, HerokuError::Kind::Api);
    QCOMPARE(result.error.httpStatus, 404);
    QCOMPARE(result.error.id, QStringLiteral("not_found"));
    QVERIFY(!result.error.requestId.isEmpty());
    QVERIFY(result.error.oneLine().contains(QStringLiteral("(not_found, request ") + result.error.requestId +
                                            QLatin1Char(')')));
}

void TestHerokuClient::reportsBadToken()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}));
    auto client = clientFor(sim, QStringLiteral("wrong-token-value"));
    const HerokuResult result = waitFor(client->account());
    QCOMPARE(result.error.httpStatus, 401);
    QCOMPARE(result.error.id, QStringLiteral("unauthorized"));
    QVERIFY(result.error.message.contains(QLatin1String("cleardbctl login")));
    QVERIFY2(!result.error.message.contains(QLatin1String(".;")), qPrintable(result.error.message));

    HerokuClient noToken(&m_network, ApiEndpoint::fromSetting(sim.baseUrl()));
    const HerokuResult none = waitFor(noToken.account());
    QCOMPARE(none.error.kind, HerokuError::Kind::Configuration);
    QCOMPARE(none.httpRequests, 0);
}

void TestHerokuClient::retriesGetAfter429()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--faults"),
                       QStringLiteral("GET /apps=429*2")}));
    auto client = clientFor(sim);
    const HerokuResult apps = waitFor(client->apps());
    QVERIFY2(apps.ok(), qPrintable(apps.error.oneLine()));
    QCOMPARE(apps.array().size(), 3);
    QCOMPARE(apps.httpRequests, 3); // two 429s, then the answer

    m_fastRetry.maxRetries = 1;
    SimProcess busy;
    QVERIFY(busy.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--faults"),
                        QStringLiteral("GET /apps=429*5")}));
    auto impatient = clientFor(busy);
    m_fastRetry.maxRetries = 3;
    const HerokuResult limited = waitFor(impatient->apps());
    QCOMPARE(limited.error.kind, HerokuError::Kind::RateLimited);
    QCOMPARE(limited.error.id, QStringLiteral("rate_limit"));
    QCOMPARE(limited.httpRequests, 2);
}

void TestHerokuClient::reportsServerErrorsAndDrops_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("500") << "GET /account=500*1" << int(HerokuError::Kind::Api) << 500;
    QTest::newRow("503 retried") << "GET /account=503*1" << int(HerokuError::Kind::None) << 200;
    QTest::newRow("dropped") << "GET /account=drop*5" << int(HerokuError::Kind::Network) << 0;
    QTest::newRow("malformed") << "GET /account=malformed*1" << int(HerokuError::Kind::InvalidResponse)
                               << 200;
}

void TestHerokuClient::reportsServerErrorsAndDrops()
{
    QFETCH(QString, fault);
    QFETCH(int, kind);
    QFETCH(int, status);
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--faults"), fault}));
    auto client = clientFor(sim);
    const HerokuResult result = waitFor(client->account());
    QCOMPARE(int(result.error.kind), kind);
    QCOMPARE(result.error.isError() ? result.error.httpStatus : result.httpStatus, status);
    if (result.error.isError()) {
        QVERIFY(!result.error.message.isEmpty());
        QVERIFY(!result.error.message.contains(QLatin1Char('\n')));
    }
}

void TestHerokuClient::provisionerWaitsUntilProvisioned()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("400")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);
    AddonProvisioner provisioner(client.get());
    QSignalSpy states(&provisioner, &AddonProvisioner::stateChanged);
    QSignalSpy done(&provisioner, &AddonProvisioner::finished);
    provisioner.start({app, QStringLiteral("cleardb:punch"), QString(), true, 100, 10000});
    QVERIFY(done.wait(10000));
    const auto result = done.first().first().value<HerokuResult>();
    QVERIFY2(result.ok(), qPrintable(result.error.oneLine()));
    QCOMPARE(result.object().value(QLatin1String("state")).toString(), QStringLiteral("provisioned"));
    QCOMPARE(states.first().first().toJsonObject().value(QLatin1String("state")).toString(),
             QStringLiteral("provisioning"));
    QVERIFY(result.httpRequests >= 2);
    // Only once provisioned does the attachment's URL appear, as on Heroku.
    const HerokuResult config = waitFor(client->configVars(app));
    QVERIFY(config.object()
                .value(QLatin1String("CLEARDB_DATABASE_URL"))
                .toString()
                .startsWith(QLatin1String("mysql://")));
}

void TestHerokuClient::provisionerTimesOut()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("60000")}));
    auto client = clientFor(sim);
    AddonProvisioner provisioner(client.get());
    QSignalSpy done(&provisioner, &AddonProvisioner::finished);
    provisioner.start({sim.appName(2), QStringLiteral("cleardb:ignite"), QString(), true, 100, 600});
    QVERIFY(done.wait(10000));
    const auto result = done.first().first().value<HerokuResult>();
    QCOMPARE(result.error.kind, HerokuError::Kind::Timeout);
    QVERIFY(result.error.message.contains(QLatin1String("still provisioning")));
}

void TestHerokuClient::provisionerCancelKeepsAddon()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("60000")}));
    auto client = clientFor(sim);
    const QString app = sim.appName(2);
    AddonProvisioner provisioner(client.get());
    QSignalSpy states(&provisioner, &AddonProvisioner::stateChanged);
    QSignalSpy done(&provisioner, &AddonProvisioner::finished);
    provisioner.start({app, QStringLiteral("cleardb:ignite"), QString(), true, 100, 60000});
    QVERIFY(states.wait(10000));
    provisioner.cancel();
    QCOMPARE(done.count(), 1);
    QCOMPARE(done.first().first().value<HerokuResult>().error.kind, HerokuError::Kind::Cancelled);
    QCOMPARE(addonCount(client.get(), app), 1); // cancelling the wait never deletes the add-on
}

void TestHerokuClient::tokenNeverInRecordsOrErrors()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--faults"),
                       QStringLiteral("GET /account=500*1")}));
    auto client = clientFor(sim);
    QStringList seen;
    connect(client.get(), &HerokuClient::exchanged, this, [&seen](const ApiCallRecord &record) {
        seen << record.method << record.path << record.requestId << record.errorText;
    });
    seen << waitFor(client->account()).error.oneLine();
    seen << waitFor(client->app(QStringLiteral("missing"))).error.oneLine();
    seen << waitFor(client->apps()).error.oneLine();
    QVERIFY(seen.size() > 6);
    for (const QString &text : seen)
        QVERIFY2(!text.contains(sim.token()), "the API token leaked into a record or error");
}

QTEST_GUILESS_MAIN(TestHerokuClient)
#include "tst_herokuclient.moc"
