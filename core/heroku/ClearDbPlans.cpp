// SPDX-License-Identifier: MIT
#include "ClearDbPlans.h"

const QList<ClearDbPlan> &ClearDbPlans::all()
{
    static const QList<ClearDbPlan> plans = {
        {QStringLiteral("ignite"), QStringLiteral("Ignite"), 0, 5, 10, false,
         QStringLiteral("Ignite: 5 MB storage, free; for trying ClearDB out")},
        {QStringLiteral("punch"), QStringLiteral("Punch"), 999, 1024, 15, true,
         QStringLiteral("Punch: 1 GB storage, 15 connections, $9.99/month")},
        {QStringLiteral("drift"), QStringLiteral("Drift"), 4999, 5 * 1024, 30, false,
         QStringLiteral("Drift: 5 GB storage, 30 connections, $49.99/month")},
        {QStringLiteral("scream"), QStringLiteral("Scream"), 9999, 10 * 1024, 40, false,
         QStringLiteral("Scream: 10 GB storage, 40 connections, $99.99/month")},
    };
    return plans;
}

std::optional<ClearDbPlan> ClearDbPlans::find(const QString &name)
{
    QString bare = name;
    const QString prefix = serviceName() + QLatin1Char(':');
    if (bare.startsWith(prefix))
        bare = bare.mid(prefix.size());
    for (const ClearDbPlan &plan : all()) {
        if (plan.name == bare)
            return plan;
    }
    return std::nullopt;
}

ClearDbPlan ClearDbPlans::defaultPlan()
{
    return all().first();
}
