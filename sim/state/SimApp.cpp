// SPDX-License-Identifier: MIT
#include "sim/state/SimApp.h"

#include "sim/state/StateJson.h"

QJsonObject SimApp::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    o.insert(QStringLiteral("updatedAt"), StateJson::date(updatedAt));
    o.insert(QStringLiteral("config"), StateJson::map(config));
    o.insert(QStringLiteral("releaseVersion"), releaseVersion);
    o.insert(QStringLiteral("ownerId"), ownerId);
    o.insert(QStringLiteral("teamId"), teamId);
    return o;
}

bool SimApp::fromJson(const QJsonObject &json, SimApp *out)
{
    StateJson::Reader r(json);
    SimApp v;
    v.id = r.string(QStringLiteral("id"));
    v.name = r.string(QStringLiteral("name"));
    v.createdAt = r.date(QStringLiteral("createdAt"));
    v.updatedAt = r.date(QStringLiteral("updatedAt"));
    v.config = r.map(QStringLiteral("config"));
    v.releaseVersion = r.integer(QStringLiteral("releaseVersion"));
    // Optional: files from before several accounts have neither (the default account owns all).
    v.ownerId = json.value(QStringLiteral("ownerId")).toString();
    v.teamId = json.value(QStringLiteral("teamId")).toString();
    if (!r.ok())
        return false;
    *out = v;
    return true;
}
