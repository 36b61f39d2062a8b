// SPDX-License-Identifier: MIT
#include "AppsCommand.h"

#include "CommandOptions.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

void AppsCommand::configure(QCommandLineParser &parser)
{
    Q_UNUSED(parser)
}

Status AppsCommand::prepare(const QCommandLineParser &parser)
{
    return CommandOptions::tooManyArguments(parser, 0);
}

void AppsCommand::start()
{
    const auto rowsOf = [](const QJsonArray &apps) {
        QList<QStringList> rows;
        rows.reserve(apps.size());
        for (const QJsonValue &value : apps) {
            const HerokuApp app = HerokuApp::fromJson(value.toObject());
            rows << QStringList{app.name, app.region, app.ownerEmail};
        }
        return rows;
    };
    connect(client()->apps(), &HerokuRequest::finished, this, [this, rowsOf](const HerokuResult &result) {
        context()->finishList(result,
                              {QStringLiteral("NAME"), QStringLiteral("REGION"), QStringLiteral("OWNER")},
                              rowsOf, QStringLiteral("You have no apps."));
    });
}
