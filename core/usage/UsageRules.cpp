// SPDX-License-Identifier: MIT
#include "usage/UsageRules.h"

#include "heroku/PriceText.h"
#include "transfer/PreflightRules.h"

namespace {
UsageFinding::Level levelOf(int percent)
{
    if (percent >= UsageRules::AlertPercent)
        return UsageFinding::Level::Alert;
    return percent >= UsageRules::WarnPercent ? UsageFinding::Level::Warning : UsageFinding::Level::Fine;
}

int percentOf(qint64 used, qint64 limit)
{
    return limit > 0 ? int(qMin<qint64>(used * 100 / limit, 9999)) : 0;
}

QString planText(const ClearDbPlan &plan)
{
    return QStringLiteral("%1 (%2)").arg(plan.humanName, UsageRules::priceText(plan));
}
} // namespace

QString UsageFinding::levelName(Level level)
{
    switch (level) {
    case Level::Fine:
        return QStringLiteral("fine");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Alert:
        return QStringLiteral("alert");
    }
    return {};
}

QString UsageRules::priceText(const ClearDbPlan &plan)
{
    if (plan.priceCents == 0)
        return QStringLiteral("free");
    return dollarsText(plan.priceCents) + QStringLiteral("/month");
}

std::optional<ClearDbPlan> UsageRules::planForStorage(qint64 bytes, const ClearDbPlan &plan)
{
    for (const ClearDbPlan &candidate : ClearDbPlans::all()) {
        if (candidate.priceCents > plan.priceCents &&
            percentOf(bytes, candidate.storageBytes()) < WarnPercent)
            return candidate; // the catalog is ordered by price
    }
    return std::nullopt;
}

std::optional<ClearDbPlan> UsageRules::planForConnections(int connections, const ClearDbPlan &plan)
{
    for (const ClearDbPlan &candidate : ClearDbPlans::all()) {
        if (candidate.priceCents > plan.priceCents && candidate.maxConnections > connections)
            return candidate;
    }
    return std::nullopt;
}

UsageFinding UsageRules::storage(qint64 usedBytes, const ClearDbPlan &plan, const QStringList &largestTables)
{
    UsageFinding finding;
    finding.topic = QStringLiteral("storage");
    finding.percent = percentOf(usedBytes, plan.storageBytes());
    finding.level = levelOf(finding.percent);
    const QString figures = QStringLiteral("Storage: %1 of %2's %3 (%4 %)")
                                .arg(PreflightRules::bytesText(usedBytes), plan.humanName,
                                     PreflightRules::bytesText(plan.storageBytes()))
                                .arg(finding.percent);
    if (finding.level == UsageFinding::Level::Fine) {
        finding.line = figures + QLatin1Char('.');
        return finding;
    }
    QStringList ways;
    if (const std::optional<ClearDbPlan> next = planForStorage(usedBytes, plan))
        ways << QStringLiteral("upgrade to %1").arg(planText(*next));
    if (!largestTables.isEmpty())
        ways << QStringLiteral("look at the largest tables: %1")
                    .arg(largestTables.mid(0, 3).join(QStringLiteral(", ")));
    const QString state = finding.percent >= 100                        ? QStringLiteral("over the quota")
                          : finding.level == UsageFinding::Level::Alert ? QStringLiteral("nearly full")
                                                                        : QStringLiteral("filling up");
    finding.line =
        QStringLiteral("%1: %2%3.")
            .arg(figures, state,
                 ways.isEmpty() ? QString() : QStringLiteral("; ") + ways.join(QStringLiteral(", or ")));
    return finding;
}

UsageFinding UsageRules::connections(int inUse, int limit, const std::optional<ClearDbPlan> &plan)
{
    UsageFinding finding;
    finding.topic = QStringLiteral("connections");
    finding.percent = percentOf(inUse, limit);
    finding.level = levelOf(finding.percent);
    const QString figures =
        QStringLiteral("Connections: %1 of %2 (%3 %)").arg(inUse).arg(limit).arg(finding.percent);
    if (limit <= 0) {
        finding.line =
            QStringLiteral("Connections: %1 in use; the server sets no per-user limit.").arg(inUse);
        return finding;
    }
    if (finding.level == UsageFinding::Level::Fine) {
        finding.line = figures + QLatin1Char('.');
        return finding;
    }
    QString way = QStringLiteral("close idle connections (a pool smaller than %1 per dyno helps)").arg(limit);
    const std::optional<ClearDbPlan> next = plan ? planForConnections(inUse, *plan) : std::nullopt;
    if (next)
        way += QStringLiteral(", or upgrade to %1 for %2").arg(planText(*next)).arg(next->maxConnections);
    finding.line = QStringLiteral("%1: %2; %3.")
                       .arg(figures,
                            inUse >= limit ? QStringLiteral("at the limit, new connections are refused")
                                           : QStringLiteral("close to the limit"),
                            way);
    return finding;
}
