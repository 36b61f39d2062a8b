// SPDX-License-Identifier: MIT
// SimSeeder's ClearDB add-ons: the classic two without --cleardb-apps, and with it the layout that shows
// every usage situation (a database near its quota, one over it, DATABASE_URL promoted or owned by
// Heroku Postgres), plans in turn on a large seed, sizes that survive the state file.
#include "heroku/ClearDbPlans.h"
#include "sim/state/SimSeeder.h"

#include <QElapsedTimer>
#include <QTest>

namespace {
// The ClearDB add-on of the app (the seed gives an app at most one), or null.
const SimAddon *clearDbOf(const SimState &state, const SimApp &app)
{
    for (const SimAddon &addon : state.addons) {
        if (addon.appId == app.id && addon.plan.startsWith(QLatin1String("cleardb:")))
            return &addon;
    }
    return nullptr;
}

int addonCount(const SimState &state, const SimApp &app)
{
    int count = 0;
    for (const SimAddon &addon : state.addons)
        count += addon.appId == app.id ? 1 : 0;
    return count;
}

qint64 percentOfQuota(const SimAddon &addon)
{
    return addon.seedBytes * 100 / ClearDbPlans::find(addon.plan)->storageBytes();
}
} // namespace

class TestSimSeeder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classicSeedIsUnchanged();
    void usageLayoutShowsEverySituation();
    void largeSeedCyclesPlansAndPromotesHalf();
    void seedSizesSurviveTheStateFile();
    void reprovisionedAddonTakesItsPromotedVarAlong();
};

// Without --cleardb-apps: ClearDB on apps 1 and 2 only, empty databases, nothing promoted.
void TestSimSeeder::classicSeedIsUnchanged()
{
    const SimState state = SimSeeder::seed(3);
    QCOMPARE(state.apps.size(), 3);
    QCOMPARE(clearDbOf(state, state.apps[0])->plan, QStringLiteral("cleardb:ignite"));
    QCOMPARE(clearDbOf(state, state.apps[1])->plan, QStringLiteral("cleardb:punch"));
    QCOMPARE(addonCount(state, state.apps[0]), 1);
    QCOMPARE(addonCount(state, state.apps[1]), 2); // and Heroku Postgres
    QCOMPARE(addonCount(state, state.apps[2]), 0);
    for (const SimAddon &addon : state.addons)
        QCOMPARE(addon.seedBytes, 0);
    QVERIFY(!state.apps[0].config.contains(QStringLiteral("DATABASE_URL")));
}

void TestSimSeeder::usageLayoutShowsEverySituation()
{
    const SimState state = SimSeeder::seed(3, 0, 3);
    const SimAddon *first = clearDbOf(state, state.apps[0]);
    const SimAddon *second = clearDbOf(state, state.apps[1]);
    const SimAddon *third = clearDbOf(state, state.apps[2]);
    QVERIFY(first && second && third);

    // App 1: ignite between the warning (80 %) and the alert (95 %), not promoted.
    QCOMPARE(first->plan, QStringLiteral("cleardb:ignite"));
    QVERIFY2(percentOfQuota(*first) >= 82 && percentOfQuota(*first) <= 88,
             qPrintable(QString::number(first->seedBytes)));
    QVERIFY(!state.apps[0].config.contains(QStringLiteral("DATABASE_URL")));

    // App 2: punch with a little data; Heroku Postgres owns DATABASE_URL, which points elsewhere.
    QCOMPARE(second->plan, QStringLiteral("cleardb:punch"));
    QVERIFY(second->seedBytes > 0 && percentOfQuota(*second) < 10);
    QCOMPARE(addonCount(state, state.apps[1]), 2);
    const QString app2Database = state.apps[1].config.value(QStringLiteral("DATABASE_URL"));
    QVERIFY2(app2Database.startsWith(QLatin1String("postgres://")), qPrintable(app2Database));
    QVERIFY(app2Database != state.apps[1].config.value(QStringLiteral("CLEARDB_DATABASE_URL")));

    // App 3: ignite over its quota (an alert), DATABASE_URL promoted to the add-on's URL.
    QCOMPARE(third->plan, QStringLiteral("cleardb:ignite"));
    QVERIFY2(percentOfQuota(*third) >= 110 && percentOfQuota(*third) <= 130,
             qPrintable(QString::number(third->seedBytes)));
    const QMap<QString, QString> &config = state.apps[2].config;
    QVERIFY(!config.value(QStringLiteral("CLEARDB_DATABASE_URL")).isEmpty());
    QCOMPARE(config.value(QStringLiteral("DATABASE_URL")),
             config.value(QStringLiteral("CLEARDB_DATABASE_URL")));
    // A promoted var is the user's copy, not an attachment's: it can be changed or removed by hand.
    QVERIFY(!state.ownedConfigVars(state.apps[2].id).contains(QStringLiteral("DATABASE_URL")));
    QCOMPARE(third->state, QStringLiteral("provisioned"));

    // Fewer ClearDB apps than apps: the rest have none (Postgres stays on app 2).
    const SimState one = SimSeeder::seed(3, 0, 1);
    QVERIFY(clearDbOf(one, one.apps[0]));
    QVERIFY(!clearDbOf(one, one.apps[1]) && !clearDbOf(one, one.apps[2]));
    QCOMPARE(addonCount(one, one.apps[1]), 1);
    const SimState none = SimSeeder::seed(2, 0, 0);
    QVERIFY(!clearDbOf(none, none.apps[0]) && !clearDbOf(none, none.apps[1]));
}

// heroku-sim --apps 500 --cleardb-apps 500, for the fleet view at scale: quick to build, every plan,
// about half of the apps with DATABASE_URL promoted.
void TestSimSeeder::largeSeedCyclesPlansAndPromotesHalf()
{
    QElapsedTimer timer;
    timer.start();
    const SimState state = SimSeeder::seed(500, 0, 500);
    const qint64 elapsed = timer.elapsed();
    qInfo("seeded 500 apps with ClearDB in %lld ms", elapsed);
    // Generous for a sanitizer build; an optimised one takes a fraction of this.
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));

    QMap<QString, int> plans;
    int promoted = 0;
    for (const SimApp &app : state.apps) {
        const SimAddon *addon = clearDbOf(state, app);
        QVERIFY2(addon, qPrintable(app.name));
        ++plans[addon->plan];
        const QString url = app.config.value(QStringLiteral("CLEARDB_DATABASE_URL"));
        if (app.config.value(QStringLiteral("DATABASE_URL")) == url)
            ++promoted;
    }
    QCOMPARE(plans.size(), 4);
    for (const ClearDbPlan &plan : ClearDbPlans::all())
        QVERIFY2(plans.value(plan.qualifiedName()) >= 100, qPrintable(plan.name));
    QVERIFY2(promoted >= 225 && promoted <= 275, qPrintable(QString::number(promoted)));
    // Names and ids stay unique at that scale.
    QSet<QString> names;
    for (const SimAddon &addon : state.addons)
        names.insert(addon.name);
    QCOMPARE(names.size(), state.addons.size());
}

void TestSimSeeder::seedSizesSurviveTheStateFile()
{
    const SimState state = SimSeeder::seed(3, 0, 3);
    const Result<SimState> loaded = SimState::fromJson(state.toJson());
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().oneLine()));
    QCOMPARE(loaded.value().addons.size(), state.addons.size());
    for (int i = 0; i < state.addons.size(); ++i)
        QCOMPARE(loaded.value().addons[i].seedBytes, state.addons[i].seedBytes);
}

// heroku-sim --sandbox-cluster gives seeded add-ons real databases in place of their placeholder URLs:
// a DATABASE_URL promoted from the placeholder follows, one that points elsewhere does not.
void TestSimSeeder::reprovisionedAddonTakesItsPromotedVarAlong()
{
    SimState state = SimSeeder::seed(3, 0, 3);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto reprovision = [&](int appIndex, const QString &url) {
        SimAddon *addon = state.addon(clearDbOf(state, state.apps[appIndex])->id);
        addon->state = QStringLiteral("provisioning");
        state.completeProvisioning(addon->id, url, now);
    };
    const QString postgres = state.apps[1].config.value(QStringLiteral("DATABASE_URL"));
    reprovision(1, QStringLiteral("mysql://u2:p@127.0.0.1:27300/heroku_two?reconnect=true"));
    reprovision(2, QStringLiteral("mysql://u3:p@127.0.0.1:27300/heroku_three?reconnect=true"));
    QCOMPARE(state.apps[2].config.value(QStringLiteral("DATABASE_URL")),
             QStringLiteral("mysql://u3:p@127.0.0.1:27300/heroku_three?reconnect=true"));
    QCOMPARE(state.apps[2].config.value(QStringLiteral("CLEARDB_DATABASE_URL")),
             QStringLiteral("mysql://u3:p@127.0.0.1:27300/heroku_three?reconnect=true"));
    QCOMPARE(state.apps[1].config.value(QStringLiteral("DATABASE_URL")), postgres);
    QCOMPARE(state.apps[1].config.value(QStringLiteral("CLEARDB_DATABASE_URL")),
             QStringLiteral("mysql://u2:p@127.0.0.1:27300/heroku_two?reconnect=true"));
}

QTEST_GUILESS_MAIN(TestSimSeeder)
#include "tst_simseeder.moc"
