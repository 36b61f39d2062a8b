// SPDX-License-Identifier: MIT
#pragma once
// A fleet row as GET /addons would give it, with a URL holding `password`, for the unit tests of the
// model and the exports (which must never show that password).
#include "fleet/FleetRow.h"
#include "heroku/HerokuResources.h"

namespace FleetTestRows {

inline FleetRow row(const QString &app, const QString &plan, const QString &password)
{
    HerokuAddon addon;
    addon.appName = app;
    addon.name = QStringLiteral("cleardb-") + app;
    addon.id = QStringLiteral("id-") + app;
    addon.planName = plan;
    addon.serviceName = QStringLiteral("cleardb");
    addon.configVars = {QStringLiteral("CLEARDB_DATABASE_URL")};
    FleetRow r = FleetRow::fromAddon(addon, {});
    r.url = Secret(QStringLiteral("mysql://u:%1@db.example.com/heroku_%2").arg(password, app));
    return r;
}

} // namespace FleetTestRows
