// SPDX-License-Identifier: MIT
#include "HerokuResources.h"

#include "heroku/PriceText.h"

#include <QJsonArray>

namespace {
QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}
QJsonObject obj(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}
} // namespace

HerokuApp HerokuApp::fromJson(const QJsonObject &object)
{
    HerokuApp app;
    app.id = str(object, "id");
    app.name = str(object, "name");
    app.region = str(obj(object, "region"), "name");
    app.ownerEmail = str(obj(object, "owner"), "email");
    app.updatedAt = str(object, "updated_at");
    const QJsonObject team = obj(object, "team");
    app.teamId = str(team, "id");
    app.teamName = str(team, "name");
    return app;
}

HerokuTeam HerokuTeam::fromJson(const QJsonObject &object)
{
    HerokuTeam team;
    team.id = str(object, "id");
    team.name = str(object, "name");
    team.role = str(object, "role");
    return team;
}

QList<HerokuTeam> HerokuTeam::listFromJson(const QJsonArray &array)
{
    QList<HerokuTeam> teams;
    teams.reserve(array.size());
    for (const QJsonValue &value : array)
        teams << fromJson(value.toObject());
    return teams;
}

HerokuAddon HerokuAddon::fromJson(const QJsonObject &object)
{
    HerokuAddon addon;
    addon.id = str(object, "id");
    addon.name = str(object, "name");
    addon.appName = str(obj(object, "app"), "name");
    addon.serviceName = str(obj(object, "addon_service"), "name");
    addon.serviceTitle = str(obj(object, "addon_service"), "human_name");
    addon.planName = str(obj(object, "plan"), "name");
    addon.state = str(object, "state");
    for (const QJsonValue &var : object.value(QLatin1String("config_vars")).toArray())
        addon.configVars << var.toString();
    return addon;
}

QList<HerokuAddon> HerokuAddon::listFromJson(const QJsonArray &array)
{
    QList<HerokuAddon> addons;
    addons.reserve(array.size());
    for (const QJsonValue &value : array)
        addons << fromJson(value.toObject());
    return addons;
}

QString HerokuPlan::priceText() const
{
    if (priceCents == 0)
        return QStringLiteral("free");
    // The schema's cents is a non-negative integer; anything else is not a price we can show.
    if (priceCents < 0)
        return QStringLiteral("price unknown");
    return QStringLiteral("%1/%2").arg(dollarsText(priceCents),
                                       priceUnit.isEmpty() ? QStringLiteral("month") : priceUnit);
}

HerokuPlan HerokuPlan::fromJson(const QJsonObject &object)
{
    HerokuPlan plan;
    plan.id = str(object, "id");
    plan.name = str(object, "name");
    plan.humanName = str(object, "human_name");
    plan.description = str(object, "description");
    const QJsonObject price = obj(object, "price");
    plan.priceCents = price.value(QLatin1String("cents")).toInt();
    plan.priceUnit = str(price, "unit");
    plan.isDefault = object.value(QLatin1String("default")).toBool();
    plan.state = str(object, "state");
    return plan;
}

QString ownerOfConfigVar(const QList<HerokuAddon> &addons, const QString &var)
{
    for (const HerokuAddon &addon : addons) {
        if (addon.configVars.contains(var))
            return addon.name;
    }
    return QString();
}
