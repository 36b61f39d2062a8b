// SPDX-License-Identifier: MIT
#include "sim/state/ClearDbSeedLayout.h"

#include "heroku/ClearDbPlans.h"

namespace {
ClearDbPlan plan(const QString &name)
{
    return ClearDbPlans::find(name).value_or(ClearDbPlans::defaultPlan());
}
} // namespace

ClearDbSeed ClearDbSeedLayout::forApp(int index)
{
    const ClearDbPlan ignite = plan(QStringLiteral("ignite"));
    switch (index) {
    case 1:
        // Between the warning (80 %) and the alert (95 %), with room for the fill's few per cent.
        return {ignite.qualifiedName(), ignite.storageBytes() * 85 / 100, false};
    case 2:
        return {plan(QStringLiteral("punch")).qualifiedName(), 1024 * 1024, false};
    case 3:
        return {ignite.qualifiedName(), ignite.storageBytes() * 6 / 5, true};
    default:
        break;
    }
    const QList<ClearDbPlan> &plans = ClearDbPlans::all();
    const int n = int(plans.size());
    return {plans.at(((index - 4) % n + n) % n).qualifiedName(), 0, index % 2 == 0};
}
