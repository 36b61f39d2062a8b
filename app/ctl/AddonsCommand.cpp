// SPDX-License-Identifier: MIT
#include "AddonsCommand.h"

#include "CommandOptions.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

void AddonsCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
}

Status AddonsCommand::prepare(const QCommandLineParser &parser)
{
    m_app = parser.value(QStringLiteral("app")).trimmed();
    if (parser.isSet(QStringLiteral("app")) && m_app.isEmpty())
        return usage(QStringLiteral("--app needs an app name"));
    return CommandOptions::tooManyArguments(parser, 0);
}

void AddonsCommand::start()
{
    HerokuRequest *request = m_app.isEmpty() ? client()->addons() : client()->addonsForApp(m_app);
    const auto rowsOf = [](const QJsonArray &addons) {
        QList<QStringList> rows;
        for (const HerokuAddon &addon : HerokuAddon::listFromJson(addons))
            rows << QStringList{addon.name, addon.appName, addon.planName, addon.state};
        return rows;
    };
    connect(request, &HerokuRequest::finished, this, [this, rowsOf](const HerokuResult &result) {
        context()->finishList(
            result,
            {QStringLiteral("NAME"), QStringLiteral("APP"), QStringLiteral("PLAN"), QStringLiteral("STATE")},
            rowsOf,
            m_app.isEmpty() ? QStringLiteral("No add-ons.")
                            : QStringLiteral("%1 has no add-ons.").arg(m_app));
    });
}
