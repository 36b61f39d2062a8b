// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/ClearDbPlans.h"

#include <QString>
#include <QStringList>

// Where a database stands against one limit of its plan, in words that say what to do: the data
// against the plan's storage, the user's connections against max_user_connections. Below WarnPercent
// it is fine; from there a warning, from AlertPercent an alert, each naming the way out (the next plan
// that would hold it, with its price, or the largest tables to look at). Pure: the figures come from
// the server (information_schema, PROCESSLIST) and the plan catalog (ClearDbPlans).
//
//     const UsageFinding f = UsageRules::storage(usedBytes, *ClearDbPlans::find("ignite"), {"orders"});
//     if (f.level != UsageFinding::Level::Fine) show(f.line);
struct UsageFinding
{
    enum class Level
    {
        Fine,
        Warning,
        Alert,
    };
    Level level = Level::Fine;
    int percent = 0; // of the limit, rounded down
    QString line;
    QString topic; // "storage", "connections", …: what the finding is about, for JSON and views

    static QString levelName(Level level); // "fine", "warning", "alert"
};

class UsageRules
{
public:
    static constexpr int WarnPercent = 80;
    static constexpr int AlertPercent = 95;

    static UsageFinding storage(qint64 usedBytes, const ClearDbPlan &plan, const QStringList &largestTables);
    // Without a plan (a database that is not ClearDB's) the way out names no plan to upgrade to.
    static UsageFinding connections(int inUse, int limit, const std::optional<ClearDbPlan> &plan);
    // The cheapest plan above `plan` whose storage holds `bytes` with room to spare (below WarnPercent).
    static std::optional<ClearDbPlan> planForStorage(qint64 bytes, const ClearDbPlan &plan);
    // The cheapest plan above `plan` allowing more than `connections`.
    static std::optional<ClearDbPlan> planForConnections(int connections, const ClearDbPlan &plan);
    static QString priceText(const ClearDbPlan &plan);
};
