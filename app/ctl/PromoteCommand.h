// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "heroku/ConfigAssignmentPlan.h"

class ConfigAssignment;
struct ConfigAssignmentOutcome;

// `cleardbctl promote --app APP [--from VAR] [--to VAR] [--restart]`: step 3 of
// the ClearDB guide ("copy the CLEARDB_DATABASE_URL value and assign it to your
// DATABASE_URL") without the value ever passing through a terminal.
//
// The flow is core's ConfigAssignment (shared with the console's Promote action):
// it reads the config vars and the add-ons, refuses when the target var belongs to
// an add-on attachment (Heroku Postgres owns DATABASE_URL), and otherwise sends
// one PATCH. This command prints old → new masked and says that Heroku restarts
// the dynos, because a config change makes a new release.
class PromoteCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("promote"); }
    QString summary() const override
    {
        return QStringLiteral("Copy CLEARDB_DATABASE_URL into DATABASE_URL (or --from/--to vars).");
    }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void onPrepared(const ConfigAssignmentPlan &plan);
    void onApplied(const ConfigAssignmentOutcome &outcome);

    QString m_app;
    QString m_from = QStringLiteral("CLEARDB_DATABASE_URL");
    QString m_to = QStringLiteral("DATABASE_URL");
    bool m_restart = false;
    ConfigAssignment *m_assignment = nullptr;
};
