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

QString AppsCommand::prepare(const QCommandLineParser &parser)
{
    return CommandOptions::tooManyArguments(parser, 0);
}

void AppsCommand::start()
{
    connect(client()->apps(), &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return context()->fail(result.error);
        if (json()) {
            out().json(result.data);
            return context()->succeed();
        }
        QList<QStringList> rows;
        const QJsonArray apps = result.array();
        rows.reserve(apps.size());
        for (const QJsonValue &value : apps) {
            const HerokuApp app = HerokuApp::fromJson(value.toObject());
            rows << QStringList{app.name, app.region, app.ownerEmail};
        }
        out().table({QStringLiteral("NAME"), QStringLiteral("REGION"), QStringLiteral("OWNER")}, rows,
                    QStringLiteral("You have no apps."));
        context()->succeed();
    });
}
