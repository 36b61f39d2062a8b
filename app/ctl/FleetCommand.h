// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "fleet/FleetRow.h"

class FleetLoader;
struct FleetSummary;

// `cleardbctl fleet [--no-probe] [--concurrency N] [--csv FILE] [--json]`: every ClearDB add-on of the
// account in one table: app, add-on, plan and price, whether the app's DATABASE_URL is this database,
// whether the database answers, its storage and connections against the plan, and the worst finding.
// One account-wide listing, one config-vars read per app, then at most N (≤ 8) databases read at once
// (FleetLoader). Exit 0 once the account's add-ons could be listed, however many databases were
// unreachable (their rows say so); 1 when the listing itself failed. No URL or password is printed.
class FleetCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    ~FleetCommand() override;

    QString name() const override { return QStringLiteral("fleet"); }
    QString summary() const override
    {
        return QStringLiteral("List every ClearDB add-on of the account with its plan, price and usage.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void onFinished(const FleetSummary &summary);
    void print(const QList<FleetRow> &rows, const FleetSummary &summary) const;

    FleetLoader *m_loader = nullptr;
    bool m_probes = true;
    int m_concurrency = 8;
    QString m_csvPath;
};
