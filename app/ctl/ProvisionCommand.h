// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

#include "heroku/AddonProvisioner.h"

// `cleardbctl provision --app APP [--plan PLAN] [--name NAME] [--wait]`: create a
// ClearDB add-on (cleardb:ignite unless told otherwise) through AddonProvisioner.
//
// The POST is sent once and never repeated: when its answer is lost (timeout,
// dropped connection) the add-on may exist all the same, and a second POST would
// create a second, billed database. The error says so and how to look.
// With --wait it polls until Heroku reports "provisioned" (exit 0) or
// "deprovisioned" (exit 1); --json prints the add-on in its last known state.
class ProvisionCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("provision"); }
    QString summary() const override { return QStringLiteral("Create a ClearDB add-on for an app."); }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void onFinished(const HerokuResult &result);

    AddonProvisioner::Options m_options;
    AddonProvisioner *m_provisioner = nullptr;
};
