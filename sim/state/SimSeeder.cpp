// SPDX-License-Identifier: MIT
#include "sim/state/SimSeeder.h"

#include "sim/provisioning/FakeDatabaseUrls.h"
#include "sim/state/ClearDbSeedLayout.h"
#include "sim/state/SimCatalog.h"

namespace {
const QDateTime seedTime = QDateTime(QDate(2024, 1, 2), QTime(9, 0), Qt::UTC);

void addSeededAddon(SimState &state, SimApp &app, const QString &plan, const QString &attachment,
                    const QString &url, const QDateTime &when, qint64 seedBytes = 0)
{
    const QString service = plan.section(QLatin1Char(':'), 0, 0);
    SimAddon &addon = state.createAddon(app, plan, state.nextAddonName(service), attachment, when);
    // Stable ids make seeded add-ons addressable the same way in every run.
    const QString oldId = addon.id;
    addon.id = SimCatalog::stableId(QStringLiteral("addon"), addon.name);
    addon.providerId = SimCatalog::stableId(QStringLiteral("provider"), addon.name);
    for (SimAttachment &att : state.attachments) {
        if (att.addonId == oldId) {
            att.addonId = addon.id;
            att.id = SimCatalog::stableId(QStringLiteral("attachment"), app.name + att.name);
        }
    }
    addon.seedBytes = seedBytes;
    state.completeProvisioning(addon.id, url, when);
}

void addClearDb(SimState &state, SimApp &app, int index, QRandomGenerator &rng, const QDateTime &when)
{
    const ClearDbSeed seed = ClearDbSeedLayout::forApp(index);
    const QString url = FakeDatabaseUrls::cleardb(rng);
    addSeededAddon(state, app, seed.plan, QStringLiteral("CLEARDB_DATABASE"), url, when, seed.seedBytes);
    if (seed.promoted)
        state.updateConfig(app, {{QStringLiteral("DATABASE_URL"), url}}, {}, when);
}
} // namespace

QString SimSeeder::appName(int index)
{
    return QStringLiteral("sandbox-app-%1").arg(index, 4, 10, QLatin1Char('0'));
}

SimApp &SimSeeder::addApp(SimState &state, const QString &name, const QString &ownerId, const QString &teamId,
                          const QDateTime &created)
{
    SimApp app;
    app.name = name;
    app.id = SimCatalog::stableId(QStringLiteral("app"), app.name);
    app.ownerId = ownerId;
    app.teamId = teamId;
    app.createdAt = created;
    app.updatedAt = created;
    app.config = {{QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")},
                  {QStringLiteral("WEB_CONCURRENCY"), QStringLiteral("2")}};
    state.apps.append(app);
    SimApp &stored = state.apps.last();
    state.addRelease(stored, QStringLiteral("Initial release"), created);
    state.dynos.append({SimCatalog::stableId(QStringLiteral("dyno"), app.name + QStringLiteral("web.1")),
                        app.id, QStringLiteral("web.1"), QStringLiteral("web"),
                        QStringLiteral("gunicorn app:app"), QStringLiteral("Basic"), QStringLiteral("up"), 0,
                        created, created});
    return stored;
}

QString SimSeeder::teamAppName(int index)
{
    return QStringLiteral("acme-data-app-%1").arg(index, 4, 10, QLatin1Char('0'));
}

const SimTeam &SimSeeder::addTeam(SimState &state)
{
    const QString name = QStringLiteral("acme-data");
    state.teams.append({SimCatalog::stableId(QStringLiteral("team"), name),
                        name,
                        seedTime,
                        {{state.defaultAccount().id, QStringLiteral("admin")}}});
    return state.teams.last();
}

SimState SimSeeder::seed(int appCount, int teamAppCount, int clearDbApps)
{
    SimState state;
    state.accounts = {{SimCatalog::stableId(QStringLiteral("account"), QStringLiteral("sandbox")),
                       QStringLiteral("sandbox@example.com"), QStringLiteral("Sandbox User"), seedTime}};
    QRandomGenerator rng(20240102);
    for (int i = 1; i <= appCount; ++i) {
        const QDateTime created = seedTime.addSecs(60 * i);
        SimApp &stored = addApp(state, appName(i), state.defaultAccount().id, {}, created);
        if (clearDbApps == ClassicClearDb) {
            if (i == 1)
                addSeededAddon(state, stored, QStringLiteral("cleardb:ignite"),
                               QStringLiteral("CLEARDB_DATABASE"), FakeDatabaseUrls::cleardb(rng), created);
            else if (i == 2)
                addSeededAddon(state, stored, QStringLiteral("cleardb:punch"),
                               QStringLiteral("CLEARDB_DATABASE"), FakeDatabaseUrls::cleardb(rng), created);
        } else if (i <= clearDbApps) {
            addClearDb(state, stored, i, rng, created);
        }
        if (i == 2)
            addSeededAddon(state, stored, QStringLiteral("heroku-postgresql:essential-0"),
                           QStringLiteral("DATABASE"), FakeDatabaseUrls::postgres(rng), created);
    }
    const QString teamId = addTeam(state).id;
    for (int i = 1; i <= teamAppCount; ++i)
        addApp(state, teamAppName(i), state.defaultAccount().id, teamId, seedTime.addSecs(1800 + 60 * i));
    return state;
}

QString SimSeeder::accountAppPrefix(const QString &email)
{
    QString local = email.section(QLatin1Char('@'), 0, 0).toLower();
    for (QChar &c : local) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
              (c >= QLatin1Char('0') && c <= QLatin1Char('9'))))
            c = QLatin1Char('-');
    }
    return local;
}

const SimState::Account &SimSeeder::addAccount(SimState &state, const QString &email)
{
    const QString local = accountAppPrefix(email);
    state.accounts.append({SimCatalog::stableId(QStringLiteral("account"), email.toLower()), email,
                           email.section(QLatin1Char('@'), 0, 0), seedTime});
    const QString accountId = state.accounts.last().id;
    QRandomGenerator rng(quint32(qHash(email)));
    for (int i = 1; i <= 2; ++i) {
        const QDateTime created = seedTime.addSecs(3600 + 60 * i);
        SimApp &app = addApp(state, QStringLiteral("%1-app-%2").arg(local).arg(i, 4, 10, QLatin1Char('0')),
                             accountId, {}, created);
        if (i == 1)
            addSeededAddon(state, app, QStringLiteral("cleardb:ignite"), QStringLiteral("CLEARDB_DATABASE"),
                           FakeDatabaseUrls::cleardb(rng), created);
    }
    return *state.account(accountId);
}
