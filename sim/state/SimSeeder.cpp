// SPDX-License-Identifier: MIT
#include "sim/state/SimSeeder.h"

#include "sim/provisioning/FakeDatabaseUrls.h"
#include "sim/state/SimCatalog.h"

namespace {
const QDateTime seedTime = QDateTime(QDate(2024, 1, 2), QTime(9, 0), Qt::UTC);

void addSeededAddon(SimState &state, SimApp &app, const QString &plan, const QString &attachment,
                    const QString &url, const QDateTime &when)
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
    state.completeProvisioning(addon.id, url, when);
}
} // namespace

QString SimSeeder::appName(int index)
{
    return QStringLiteral("sandbox-app-%1").arg(index, 4, 10, QLatin1Char('0'));
}

SimState SimSeeder::seed(int appCount)
{
    SimState state;
    state.accounts = {{SimCatalog::stableId(QStringLiteral("account"), QStringLiteral("sandbox")),
                       QStringLiteral("sandbox@example.com"), QStringLiteral("Sandbox User"), seedTime}};
    QRandomGenerator rng(20240102);
    for (int i = 1; i <= appCount; ++i) {
        const QDateTime created = seedTime.addSecs(60 * i);
        SimApp app;
        app.name = appName(i);
        app.id = SimCatalog::stableId(QStringLiteral("app"), app.name);
        app.createdAt = created;
        app.updatedAt = created;
        app.config = {{QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")},
                      {QStringLiteral("WEB_CONCURRENCY"), QStringLiteral("2")}};
        state.apps.append(app);
        SimApp &stored = state.apps.last();
        state.addRelease(stored, QStringLiteral("Initial release"), created);
        state.dynos.append({SimCatalog::stableId(QStringLiteral("dyno"), app.name + QStringLiteral("web.1")),
                            app.id, QStringLiteral("web.1"), QStringLiteral("web"),
                            QStringLiteral("gunicorn app:app"), QStringLiteral("Basic"), QStringLiteral("up"),
                            0, created, created});
        if (i == 1) {
            addSeededAddon(state, stored, QStringLiteral("cleardb:ignite"),
                           QStringLiteral("CLEARDB_DATABASE"), FakeDatabaseUrls::cleardb(rng), created);
        } else if (i == 2) {
            addSeededAddon(state, stored, QStringLiteral("cleardb:punch"), QStringLiteral("CLEARDB_DATABASE"),
                           FakeDatabaseUrls::cleardb(rng), created);
            addSeededAddon(state, stored, QStringLiteral("heroku-postgresql:essential-0"),
                           QStringLiteral("DATABASE"), FakeDatabaseUrls::postgres(rng), created);
        }
    }
    return state;
}
