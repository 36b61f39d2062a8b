// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Typed views of the few Platform API objects the console reasons about. Each
// keeps only the fields we use; the raw object stays in HerokuResult for output.

struct HerokuApp
{
    QString id;
    QString name;
    QString region;
    QString ownerEmail;
    QString updatedAt;
    // The team that owns the app (`team`, {id, name} or null per the Platform API's app
    // schema); both empty for a personal app. Team apps (GET /teams/{t}/apps) send only the name.
    QString teamId;
    QString teamName;

    bool isPersonal() const { return teamName.isEmpty() && teamId.isEmpty(); }
    static HerokuApp fromJson(const QJsonObject &object);
};

// A Heroku team the account belongs to (GET /teams).
struct HerokuTeam
{
    QString id;
    QString name;
    QString role; // admin | collaborator | member | owner, or empty

    static HerokuTeam fromJson(const QJsonObject &object);
    static QList<HerokuTeam> listFromJson(const QJsonArray &array);
};

struct HerokuAddon
{
    QString id;
    QString name;
    QString appName;
    QString serviceName;    // "cleardb"
    QString serviceTitle;   // "Heroku Postgres" (addon_service.human_name), when the API sends it
    QString planName;       // "cleardb:ignite"
    QString state;          // provisioning | provisioned | deprovisioned
    QStringList configVars; // vars this add-on owns through its attachments

    bool isClearDb() const { return serviceName == QLatin1String("cleardb"); }
    bool isProvisioned() const { return state == QLatin1String("provisioned"); }
    // "ignite" from "cleardb:ignite".
    QString planShortName() const { return planName.section(QLatin1Char(':'), 1); }

    static HerokuAddon fromJson(const QJsonObject &object);
    static QList<HerokuAddon> listFromJson(const QJsonArray &array);
};

struct HerokuPlan
{
    QString id;
    QString name; // "cleardb:punch"
    QString humanName;
    QString description;
    int priceCents = 0;
    QString priceUnit; // "month"
    bool isDefault = false;
    QString state;

    QString shortName() const { return name.section(QLatin1Char(':'), 1); }
    // "$9.99/month" or "free".
    QString priceText() const;

    static HerokuPlan fromJson(const QJsonObject &object);
};

// Which add-on owns a config var, if any: Heroku refuses writes to it, and
// overwriting it by hand would break the add-on's link to the app.
QString ownerOfConfigVar(const QList<HerokuAddon> &addons, const QString &var);
