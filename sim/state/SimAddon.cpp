// SPDX-License-Identifier: MIT
#include "sim/state/SimAddon.h"

#include "sim/state/StateJson.h"

QJsonObject SimAddon::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("appId"), appId);
    o.insert(QStringLiteral("plan"), plan);
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("providerId"), providerId);
    o.insert(QStringLiteral("databaseUrl"), databaseUrl);
    if (seedBytes > 0)
        o.insert(QStringLiteral("seedBytes"), seedBytes);
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    o.insert(QStringLiteral("updatedAt"), StateJson::date(updatedAt));
    return o;
}

bool SimAddon::fromJson(const QJsonObject &json, SimAddon *out)
{
    StateJson::Reader r(json);
    SimAddon v;
    v.id = r.string(QStringLiteral("id"));
    v.name = r.string(QStringLiteral("name"));
    v.appId = r.string(QStringLiteral("appId"));
    v.plan = r.string(QStringLiteral("plan"));
    v.state = r.string(QStringLiteral("state"));
    v.providerId = r.string(QStringLiteral("providerId"));
    v.databaseUrl = r.string(QStringLiteral("databaseUrl"));
    // Optional: state files from before seeded data sizes have none.
    v.seedBytes = json.value(QStringLiteral("seedBytes")).toInteger(0);
    v.createdAt = r.date(QStringLiteral("createdAt"));
    v.updatedAt = r.date(QStringLiteral("updatedAt"));
    if (!r.ok())
        return false;
    *out = v;
    return true;
}
