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

QString AddonsCommand::prepare(const QCommandLineParser &parser)
{
    m_app = parser.value(QStringLiteral("app")).trimmed();
    if (parser.isSet(QStringLiteral("app")) && m_app.isEmpty())
        return QStringLiteral("--app needs an app name");
    return CommandOptions::tooManyArguments(parser, 0);
}

void AddonsCommand::start()
{
    HerokuRequest *request = m_app.isEmpty() ? client()->addons() : client()->addonsForApp(m_app);
    connect(request, &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return context()->fail(result.error);
        if (json()) {
            out().json(result.data);
            return context()->succeed();
        }
        QList<QStringList> rows;
        for (const HerokuAddon &addon : HerokuAddon::listFromJson(result.array()))
            rows << QStringList{addon.name, addon.appName, addon.planName, addon.state};
        out().table(
            {QStringLiteral("NAME"), QStringLiteral("APP"), QStringLiteral("PLAN"), QStringLiteral("STATE")},
            rows,
            m_app.isEmpty() ? QStringLiteral("No add-ons.")
                            : QStringLiteral("%1 has no add-ons.").arg(m_app));
        context()->succeed();
    });
}
