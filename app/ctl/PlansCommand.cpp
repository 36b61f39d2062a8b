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

QString PlansCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    m_service = positional.isEmpty() ? ClearDbPlans::serviceName() : positional.first().trimmed();
    if (m_service.isEmpty())
        return QStringLiteral("SERVICE must not be empty");
    return CommandOptions::tooManyArguments(parser, 1);
}

void PlansCommand::start()
{
    connect(client()->addonServicePlans(m_service), &HerokuRequest::finished, this,
            [this](const HerokuResult &result) {
                if (!result.ok())
                    return context()->fail(result.error);
                if (json()) {
                    out().json(result.data);
                    return context()->succeed();
                }
                QList<QStringList> rows;
                for (const QJsonValue &value : result.array()) {
                    const HerokuPlan plan = HerokuPlan::fromJson(value.toObject());
                    rows << QStringList{plan.name, plan.humanName, plan.priceText(),
                                        plan.isDefault ? QStringLiteral("yes") : QString()};
                }
                out().table({QStringLiteral("PLAN"), QStringLiteral("NAME"), QStringLiteral("PRICE"),
                             QStringLiteral("DEFAULT")},
                            rows, QStringLiteral("%1 has no plans.").arg(m_service));
                context()->succeed();
            });
}
