// SPDX-License-Identifier: MIT
#include "RestartCommand.h"

#include "CommandOptions.h"
#include "DynoRestarter.h"
#include "heroku/HerokuClient.h"

#include <QCommandLineParser>

void RestartCommand::configure(QCommandLineParser &parser)
{
    parser.addOption(CommandOptions::app());
}

Status RestartCommand::prepare(const QCommandLineParser &parser)
{
    const Result<QString> app = CommandOptions::requiredApp(parser);
    if (!app)
        return app.error();
    m_app = app.value();
    return CommandOptions::tooManyArguments(parser, 0);
}

void RestartCommand::start()
{
    out().progress(QStringLiteral("Restarting all dynos of %1...").arg(m_app));
    connect(client()->restartAllDynos(m_app), &HerokuRequest::finished, this,
            [this](const HerokuResult &result) {
                if (!result.ok())
                    return context()->fail(DynoRestarter::failure(m_app, result.error));
                if (json())
                    out().json(result.data.isUndefined() || result.data.isNull() ? QJsonValue(QJsonObject())
                                                                                 : result.data);
                else
                    out().line(QStringLiteral("Restarted all dynos of %1").arg(m_app));
                context()->succeed();
            });
}
