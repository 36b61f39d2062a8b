// SPDX-License-Identifier: MIT
#include "sim/state/SimTeam.h"

#include "sim/state/StateJson.h"

QJsonObject SimTeam::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    o.insert(QStringLiteral("members"), StateJson::map(members));
    return o;
}

bool SimTeam::fromJson(const QJsonObject &json, SimTeam *out)
{
    StateJson::Reader r(json);
    SimTeam v;
    v.id = r.string(QStringLiteral("id"));
    v.name = r.string(QStringLiteral("name"));
    v.createdAt = r.date(QStringLiteral("createdAt"));
    v.members = r.map(QStringLiteral("members"));
    if (!r.ok())
        return false;
    *out = v;
    return true;
}
