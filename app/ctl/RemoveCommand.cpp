// SPDX-License-Identifier: MIT
#include "RemoveCommand.h"

#include "CommandOptions.h"
#include "heroku/ClearDbAddonPicker.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

#include <algorithm>

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

Status RemoveCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    if (!app)
        return app.error();
    m_app = app.value();
    const QString confirm = parser.value(QStringLiteral("confirm")).trimmed();
    if (confirm.isEmpty())
        return usage(
            QStringLiteral("removing an add-on destroys its database; repeat the app name with --confirm %1")
                .arg(m_app));
    if (confirm != m_app)
        return usage(
            QStringLiteral("--confirm %1 does not match --app %2; nothing was removed").arg(confirm, m_app));
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
    // The DELETE is sent once (HerokuRequest never repeats a write).
    connect(client()->deleteAddon(m_app, addon), &HerokuRequest::finished, this,
            [this, addon](const HerokuResult &result) {
                if (result.ok())
                    return removed(result.data, QStringLiteral("%1 was removed from %2").arg(addon, m_app));
                // A lost answer may hide a removal that worked; a 404 may follow one (the user runs
                // remove again after a lost answer). The app's add-on list tells which.
                if (result.error.outcomeUnknown || result.error.httpStatus == 404)
                    return checkGone(addon, result.error);
                context()->fail(result.error);
            });
}

void RemoveCommand::checkGone(const QString &addon, const HerokuError &deleteError)
{
    connect(
        client()->addonsForApp(m_app), &HerokuRequest::finished, this,
        [this, addon, deleteError](const HerokuResult &list) {
            const bool notFound = deleteError.httpStatus == 404;
            if (!list.ok()) // e.g. the app itself does not exist: that is the error to show
                return context()->fail(notFound && list.error.httpStatus == 404
                                           ? list.error
                                           : unknownOutcome(addon, deleteError));
            const QList<HerokuAddon> addons = HerokuAddon::listFromJson(list.array());
            const bool listed = std::any_of(addons.cbegin(), addons.cend(), [&addon](const HerokuAddon &a) {
                return (a.name == addon || a.id == addon) && a.state != QLatin1String("deprovisioned");
            });
            if (listed)
                return context()->fail(notFound ? deleteError : unknownOutcome(addon, deleteError));
            const QJsonObject gone{{QStringLiteral("name"), addon},
                                   {QStringLiteral("app"), QJsonObject{{QStringLiteral("name"), m_app}}},
                                   {QStringLiteral("state"), QStringLiteral("deprovisioned")}};
            removed(gone,
                    notFound
                        ? QStringLiteral("%1 is no longer an add-on of %2: already removed, nothing to do")
                              .arg(addon, m_app)
                        : QStringLiteral("%1 was removed from %2 (the answer to the delete was lost, but "
                                         "the app's add-on list no longer has it)")
                              .arg(addon, m_app));
        });
}

HerokuError RemoveCommand::unknownOutcome(const QString &addon, const HerokuError &deleteError) const
{
    HerokuError error = deleteError;
    error.message =
        QStringLiteral("no clear answer to the removal of %1 (%2); it may or may not be removed, so "
                       "check with `cleardbctl addons --app %3` before trying again")
            .arg(addon, deleteError.message.section(QStringLiteral("; "), 0, 0), m_app);
    return error;
}

void RemoveCommand::removed(const QJsonValue &data, const QString &message)
{
    if (json())
        out().json(data);
    else
        out().line(message);
    context()->succeed();
}
