// SPDX-License-Identifier: MIT
#include "sim/state/SimAttachment.h"

#include "sim/state/StateJson.h"

QJsonObject SimAttachment::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("addonId"), addonId);
    o.insert(QStringLiteral("appId"), appId);
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    o.insert(QStringLiteral("updatedAt"), StateJson::date(updatedAt));
    return o;
}

bool SimAttachment::fromJson(const QJsonObject &json, SimAttachment *out)
{
    StateJson::Reader r(json);
    SimAttachment v;
    v.id = r.string(QStringLiteral("id"));
    v.name = r.string(QStringLiteral("name"));
    v.addonId = r.string(QStringLiteral("addonId"));
    v.appId = r.string(QStringLiteral("appId"));
    v.createdAt = r.date(QStringLiteral("createdAt"));
    v.updatedAt = r.date(QStringLiteral("updatedAt"));
    if (!r.ok())
        return false;
    *out = v;
    return true;
}
