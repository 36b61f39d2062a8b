// SPDX-License-Identifier: MIT
#include "RemoveCommand.h"

#include "ClearDbAddonPicker.h"
#include "CommandOptions.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>

void RemoveCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
    parser.addOption({QStringLiteral("confirm"),
                      QStringLiteral("The app name again, to confirm the deletion."), QStringLiteral("APP")});
    parser.addPositionalArgument(
        QStringLiteral("ADDON"),
        QStringLiteral("The add-on; needed only if the app has several ClearDB add-ons."),
        QStringLiteral("[ADDON]"));
}

QString RemoveCommand::prepare(const QCommandLineParser &parser)
{
    QString error;
    m_app = CommandOptions::requiredApp(parser, &error);
    if (!error.isEmpty())
        return error;
    const QString confirm = parser.value(QStringLiteral("confirm")).trimmed();
    if (confirm.isEmpty())
        return QStringLiteral(
                   "removing an add-on destroys its database; repeat the app name with --confirm %1")
            .arg(m_app);
    if (confirm != m_app)
        return QStringLiteral("--confirm %1 does not match --app %2; nothing was removed")
            .arg(confirm, m_app);
    const QStringList positional = parser.positionalArguments();
    m_addon = positional.isEmpty() ? QString() : positional.first().trimmed();
    return CommandOptions::tooManyArguments(parser, 1);
}

void RemoveCommand::start()
{
    auto *picker = new ClearDbAddonPicker(client(), this);
    connect(picker, &ClearDbAddonPicker::picked, this, &RemoveCommand::remove);
    connect(picker, &ClearDbAddonPicker::failed, this,
            [this](const HerokuError &error) { context()->fail(error); });
    connect(picker, &ClearDbAddonPicker::chooseOne, this, [this](const QStringList &names) {
        context()->usageError(QStringLiteral("%1 has several ClearDB add-ons (%2); name the one to remove")
                                  .arg(m_app, names.join(QStringLiteral(", "))),
                              name());
    });
    picker->pick(m_app, m_addon);
}

void RemoveCommand::remove(const QString &addon)
{
    out().progress(QStringLiteral("Removing %1 from %2...").arg(addon, m_app));
    connect(client()->deleteAddon(m_app, addon), &HerokuRequest::finished, this,
            [this, addon](const HerokuResult &result) {
                if (!result.ok())
                    return context()->fail(result.error);
                if (json())
                    out().json(result.data);
                else
                    out().line(QStringLiteral("%1 was removed from %2").arg(addon, m_app));
                context()->succeed();
            });
}
