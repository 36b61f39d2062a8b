// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "DatabaseTargetArgument.h"
#include "heroku/ClearDbPlans.h"

#include <optional>

class PlanQuotaLookup;
class UsageReader;
class UsageReport;
struct UsageReading;

// `cleardbctl usage (--app APP [--var VAR] | URL) [--plan PLAN] [--tables N] [--json]`: what one
// database uses against its plan's limits: data and index size against the storage quota, the
// user's connections against max_user_connections, wait_timeout, version and read_only, the largest
// tables, and findings that say what to do. With --app the plan is the ClearDB add-on's that owns the
// var (one GET of the app's add-ons); a URL has none unless --plan names it. One connection, read
// only, closed before the figures are printed. The password is never printed.
class UsageCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    ~UsageCommand() override;

    QString name() const override { return QStringLiteral("usage"); }
    QString summary() const override
    {
        return QStringLiteral("Show a database's size and connections against its ClearDB plan's limits.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return m_where.needsToken(); }
    void start() override;

private:
    void read(const ProbeTarget &target);
    void onRead(const UsageReading &reading);
    void print(const UsageReport &report) const;

    DatabaseTargetArgument m_where;
    std::optional<ClearDbPlan> m_plan;
    bool m_planGiven = false;
    bool m_clearDbRouter = false;
    int m_tables = 10;
    ProbeTarget m_target;
    PlanQuotaLookup *m_lookup = nullptr;
    UsageReader *m_reader = nullptr;
};
