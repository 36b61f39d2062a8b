// SPDX-License-Identifier: MIT
#include "sim/state/SimDyno.h"

#include "sim/state/StateJson.h"

QJsonObject SimDyno::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("appId"), appId);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("command"), command);
    o.insert(QStringLiteral("size"), size);
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("restarts"), restarts);
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    o.insert(QStringLiteral("updatedAt"), StateJson::date(updatedAt));
    return o;
}

bool SimDyno::fromJson(const QJsonObject &json, SimDyno *out)
{
    StateJson::Reader r(json);
    SimDyno v;
    v.id = r.string(QStringLiteral("id"));
    v.appId = r.string(QStringLiteral("appId"));
    v.name = r.string(QStringLiteral("name"));
    v.type = r.string(QStringLiteral("type"));
    v.command = r.string(QStringLiteral("command"));
    v.size = r.string(QStringLiteral("size"));
    v.state = r.string(QStringLiteral("state"));
    v.restarts = r.integer(QStringLiteral("restarts"));
    v.createdAt = r.date(QStringLiteral("createdAt"));
    v.updatedAt = r.date(QStringLiteral("updatedAt"));
    if (!r.ok())
        return false;
    *out = v;
    return true;
}
