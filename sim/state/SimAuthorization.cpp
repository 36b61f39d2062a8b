// SPDX-License-Identifier: MIT
#include "sim/state/SimAuthorization.h"

#include "sim/state/StateJson.h"

QJsonObject SimAuthorization::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("description"), description);
    o.insert(QStringLiteral("token"), token);
    o.insert(QStringLiteral("tokenId"), tokenId);
    o.insert(QStringLiteral("accountId"), accountId);
    o.insert(QStringLiteral("sessionId"), sessionId);
    o.insert(QStringLiteral("isDefault"), isDefault);
    o.insert(QStringLiteral("createdAt"), StateJson::date(createdAt));
    o.insert(QStringLiteral("updatedAt"), StateJson::date(updatedAt));
    return o;
}

bool SimAuthorization::fromJson(const QJsonObject &json, SimAuthorization *out)
{
    StateJson::Reader r(json);
    SimAuthorization v;
    v.id = r.string(QStringLiteral("id"));
    v.description = r.string(QStringLiteral("description"));
    v.token = r.string(QStringLiteral("token"));
    v.tokenId = r.string(QStringLiteral("tokenId"));
    v.accountId = r.string(QStringLiteral("accountId"));
    v.sessionId = r.string(QStringLiteral("sessionId"));
    v.createdAt = r.date(QStringLiteral("createdAt"));
    v.updatedAt = r.date(QStringLiteral("updatedAt"));
    if (!r.ok() || !json.value(QStringLiteral("isDefault")).isBool() || v.token.isEmpty())
        return false;
    v.isDefault = json.value(QStringLiteral("isDefault")).toBool();
    *out = v;
    return true;
}
