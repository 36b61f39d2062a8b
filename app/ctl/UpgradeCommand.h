// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

class ClearDbAddonPicker;

// `cleardbctl upgrade --app APP --plan PLAN [ADDON]`: change a ClearDB add-on's
// plan (one PATCH /apps/{app}/addons/{addon}). `--plan scream` means
// cleardb:scream. ADDON is needed only when the app has several ClearDB add-ons.
class UpgradeCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("upgrade"); }
    QString summary() const override { return QStringLiteral("Change the plan of an app's ClearDB add-on."); }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void changePlan(const QString &addon);

    QString m_app;
    QString m_plan;
    QString m_addon;
};
