// SPDX-License-Identifier: MIT
#include "sim/state/SimRelease.h"

#include "sim/state/StateJson.h"

#include <QJsonArray>

QJsonObject SimRelease::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("appId"), appId);
    o.insert(QStringLiteral("version"), version);
    o.insert(QStringLiteral("description"), description);
    o.insert(QStringLiteral("addonPlanNames"), QJsonArray::fromStringList(addonPlanNames));
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    return o;
}

bool SimRelease::fromJson(const QJsonObject &json, SimRelease *out)
{
    StateJson::Reader r(json);
    SimRelease v;
    v.id = r.string(QStringLiteral("id"));
    v.appId = r.string(QStringLiteral("appId"));
    v.version = r.integer(QStringLiteral("version"));
    v.description = r.string(QStringLiteral("description"));
    v.addonPlanNames = r.stringList(QStringLiteral("addonPlanNames"));
    v.createdAt = r.date(QStringLiteral("createdAt"));
    if (!r.ok())
        return false;
    *out = v;
    return true;
}
