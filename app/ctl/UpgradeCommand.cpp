// SPDX-License-Identifier: MIT
#include "UpgradeCommand.h"

#include "CommandOptions.h"
#include "heroku/ClearDbAddonPicker.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

void UpgradeCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption({QStringLiteral("plan"), QStringLiteral("New plan, e.g. scream or cleardb:scream."),
                      QStringLiteral("PLAN")});
    parser.addPositionalArgument(
        QStringLiteral("ADDON"),
        QStringLiteral("The add-on; needed only if the app has several ClearDB add-ons."),
        QStringLiteral("[ADDON]"));
}

Status UpgradeCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    if (!app)
        return app.error();
    m_app = app.value();
    const QString plan = parser.value(QStringLiteral("plan")).trimmed();
    if (plan.isEmpty())
        return usage(QStringLiteral("--plan PLAN is required (e.g. --plan punch)"));
    m_plan = CommandOptions::qualifiedClearDbPlan(plan);
    const QStringList positional = parser.positionalArguments();
    m_addon = positional.isEmpty() ? QString() : positional.first().trimmed();
    return CommandOptions::tooManyArguments(parser, 1);
}

void UpgradeCommand::start()
{
    auto *picker = new ClearDbAddonPicker(client(), this);
    connect(picker, &ClearDbAddonPicker::picked, this, &UpgradeCommand::changePlan);
    connect(picker, &ClearDbAddonPicker::failed, this,
            [this](const HerokuError &error) { context()->fail(error); });
    connect(picker, &ClearDbAddonPicker::chooseOne, this, [this](const QStringList &names) {
        context()->usageError(QStringLiteral("%1 has several ClearDB add-ons (%2); name the one to upgrade")
                                  .arg(m_app, names.join(QStringLiteral(", "))),
                              name());
    });
    picker->pick(m_app, m_addon);
}

void UpgradeCommand::changePlan(const QString &addon)
{
    out().progress(QStringLiteral("Changing %1 on %2 to %3...").arg(addon, m_app, m_plan));
    connect(client()->changeAddonPlan(m_app, addon, m_plan), &HerokuRequest::finished, this,
            [this](const HerokuResult &result) {
                if (!result.ok())
                    return context()->fail(result.error);
                if (json()) {
                    out().json(result.data);
                } else {
                    const HerokuAddon changed = HerokuAddon::fromJson(result.object());
                    out().line(QStringLiteral("%1 on %2 is now on %3 (%4)")
                                   .arg(changed.name, m_app, changed.planName, changed.state));
                }
                context()->succeed();
            });
}
