// SPDX-License-Identifier: MIT
#include "PlansCommand.h"

#include "CommandOptions.h"
#include "heroku/ClearDbPlans.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"

#include <QCommandLineParser>

void PlansCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("SERVICE"),
                                 QStringLiteral("Add-on service (default cleardb)."),
                                 QStringLiteral("[SERVICE]"));
}

Status PlansCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    m_service = positional.isEmpty() ? ClearDbPlans::serviceName() : positional.first().trimmed();
    if (m_service.isEmpty())
        return usage(QStringLiteral("SERVICE must not be empty"));
    return CommandOptions::tooManyArguments(parser, 1);
}

void PlansCommand::start()
{
    const auto rowsOf = [](const QJsonArray &plans) {
        QList<QStringList> rows;
        for (const QJsonValue &value : plans) {
            const HerokuPlan plan = HerokuPlan::fromJson(value.toObject());
            rows << QStringList{plan.name, plan.humanName, plan.priceText(),
                                plan.isDefault ? QStringLiteral("yes") : QString()};
        }
        return rows;
    };
    connect(client()->addonServicePlans(m_service), &HerokuRequest::finished, this,
            [this, rowsOf](const HerokuResult &result) {
                context()->finishList(result,
                                      {QStringLiteral("PLAN"), QStringLiteral("NAME"),
                                       QStringLiteral("PRICE"), QStringLiteral("DEFAULT")},
                                      rowsOf, QStringLiteral("%1 has no plans.").arg(m_service));
            });
}
