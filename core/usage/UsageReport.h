// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/ClearDbPlans.h"
#include "usage/DatabaseUsage.h"
#include "usage/UsageRules.h"

#include <QJsonObject>
#include <QList>
#include <optional>

// Where one database stands: what DatabaseUsage read from the server, weighed against the ClearDB plan
// it runs on (when known) and said in findings that tell what to do. One source for `cleardbctl usage`
// (text and --json), the console's Usage panel and the fleet table, so all three say the same thing.
//
//     UsageReport report(reading.usage, ClearDbPlans::find(addon.planName()), true);
//     for (const UsageFinding &f : report.findings()) show(f.line);
//
// The connection limit is the server's per-user one (@@max_user_connections shows the account's
// MAX_USER_CONNECTIONS when it has one); only when the server sets none does the plan's figure stand
// in, since a user may be allowed more or less than the catalog says.
class UsageReport
{
public:
    enum class LimitSource
    {
        None,
        Server,
        Plan,
    };
    // About how long ClearDB's routers let a connection sit idle before closing it.
    static constexpr int RouterIdleSeconds = 90;

    // ClearDB's shared clusters answer on *.cleardb.net / *.cleardb.com, behind its routers.
    static bool isClearDbHost(const QString &host);

    UsageReport() = default;
    UsageReport(const DatabaseUsage &usage, const std::optional<ClearDbPlan> &plan, bool clearDbRouter);

    const DatabaseUsage &usage() const { return m_usage; }
    const std::optional<ClearDbPlan> &plan() const { return m_plan; }
    bool clearDbRouter() const { return m_clearDbRouter; }

    int connectionLimit() const;
    LimitSource connectionLimitSource() const;
    std::optional<UsageFinding> storage() const; // none without a plan
    UsageFinding connections() const;
    // Everything worth saying, the most urgent first: alerts, then warnings, then notes (Fine).
    QList<UsageFinding> findings() const;
    UsageFinding::Level worstLevel() const;
    // The figures in words, for every view: "4.3 MB of 5.0 MB (86 %)" (the size alone without a plan),
    // "3 of 10 (30 %)" (", the plan's limit" when it stands in; "3, no per-user limit" without one).
    QString storageText() const;
    QString connectionsText() const;

    // At most `tableLimit` tables, the largest first (a negative limit: all).
    QJsonObject toJson(int tableLimit = -1) const;

private:
    DatabaseUsage m_usage;
    std::optional<ClearDbPlan> m_plan;
    bool m_clearDbRouter = false;
};
