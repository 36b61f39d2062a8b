// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "heroku/ClearDbPlans.h"
#include "usage/UsageRules.h"

#include <QJsonObject>
#include <QString>
#include <optional>

struct HerokuAddon;
class UsageReport;

// One ClearDB add-on of the account as the fleet table shows it: whose it is, what it costs, whether
// the app's DATABASE_URL is this add-on's database, and, once its database was read, how full it is.
//
//     FleetRow row = FleetRow::fromAddon(HerokuAddon::fromJson(object), object);
//     row.setConfig(vars);                 // once GET /apps/{app}/config-vars answered
//     row.setReport(UsageReport(...));     // once the database was read
//     show(row.storageText());             // "4.3 MB of 5.0 MB (86 %)"
//
// The add-on's URL is held only as a Secret, for the probe; nothing that renders a row (texts, JSON,
// the model, the exports) reads it, and the loader drops it once the database was read.
struct FleetRow
{
    enum class UrlState
    {
        Unknown,   // the app's config vars have not arrived (or could not be read)
        Promoted,  // DATABASE_URL is this add-on's URL
        Elsewhere, // DATABASE_URL is set to something else
        Unset,     // the app has no DATABASE_URL
    };
    enum class ProbeState
    {
        Waiting,
        Reading,
        Read,
        Unreachable,
        Skipped,
    };

    QString app;
    QString addonName;
    QString addonId;
    QString planName;   // "cleardb:ignite", as the API names it
    QString addonState; // "provisioning", "provisioned", … as the API names it
    std::optional<ClearDbPlan> plan;
    int priceCents = -1; // per month; -1 when neither the API nor the catalog says
    QString configVar;   // the var the add-on owns, usually CLEARDB_DATABASE_URL
    UrlState databaseUrl = UrlState::Unknown;
    ProbeState probe = ProbeState::Waiting;
    QString stateLine; // one line: why a probe was skipped or failed, why config vars are missing
    Secret url;        // the owned var's value; for the probe only

    // When read:
    qint64 usedBytes = -1;
    qint64 quotaBytes = -1; // the plan's storage; -1 without a plan
    int storagePercent = -1;
    int connectionsInUse = -1;
    int connectionLimit = -1; // 0: no per-user limit
    UsageFinding::Level worstLevel = UsageFinding::Level::Fine;
    QString worstLine;

    // From one object of GET /addons (billed_price is the API's own price, when sent).
    static FleetRow fromAddon(const HerokuAddon &addon, const QJsonObject &raw = {});

    bool isRead() const { return probe == ProbeState::Read; }
    // Its database is not there yet: nothing to read until the add-on turns "provisioned".
    bool isProvisioning() const { return addonState == QLatin1String("provisioning"); }
    // From the app's config vars: the owned var's value (kept as a Secret) and where DATABASE_URL
    // points. The caller drops `vars` right after; nothing else of it is kept.
    void setConfig(const QJsonObject &vars);
    void setReport(const UsageReport &report);

    QString priceText() const;       // "$9.99", "free", "" when unknown
    QString databaseUrlText() const; // "promoted", "elsewhere", "unset", "unknown"
    QString reachableText() const;   // "yes", "unreachable", "reading…", "waiting", "skipped"
    QString storageText() const;     // "4.3 MB of 5.0 MB (86 %)", or the used size alone
    QString connectionsText() const; // "3 of 10", "3 (no per-user limit)"
    QString findingText() const;     // the worst finding's line, or why the row has none
    QString planShortName() const;   // "ignite"

    static QString urlStateName(UrlState state);
    static QString probeStateName(ProbeState state);
    // The row for a report: everything but the URL, under snake_case names.
    QJsonObject toJson() const;
};
