// SPDX-License-Identifier: MIT
#include "fleet/FleetRow.h"

#include "heroku/HerokuResources.h"
#include "heroku/PriceText.h"
#include "transfer/PreflightRules.h"
#include "usage/UsageReport.h"

namespace {
const QString DatabaseUrlVar = QStringLiteral("DATABASE_URL");
} // namespace

FleetRow FleetRow::fromAddon(const HerokuAddon &addon, const QJsonObject &raw)
{
    FleetRow row;
    row.app = addon.appName;
    row.addonName = addon.name;
    row.addonId = addon.id;
    row.planName = addon.planName;
    row.addonState = addon.state;
    row.plan = ClearDbPlans::find(addon.planName);
    const QJsonValue billed =
        raw.value(QLatin1String("billed_price")).toObject().value(QLatin1String("cents"));
    if (billed.isDouble() && billed.toDouble() >= 0)
        row.priceCents = billed.toInt();
    else if (row.plan)
        row.priceCents = row.plan->priceCents;
    // An add-on owns the vars of its attachments; the ClearDB one is CLEARDB_DATABASE_URL unless it was
    // attached under another name.
    for (const QString &var : addon.configVars) {
        if (var.endsWith(QLatin1String("_URL"))) {
            row.configVar = var;
            break;
        }
    }
    if (row.configVar.isEmpty() && !addon.configVars.isEmpty())
        row.configVar = addon.configVars.constFirst();
    if (row.plan)
        row.quotaBytes = row.plan->storageBytes();
    return row;
}

void FleetRow::setConfig(const QJsonObject &vars)
{
    const QJsonValue own = configVar.isEmpty() ? QJsonValue() : vars.value(configVar);
    url = Secret(own.isString() ? own.toString() : QString());
    const QJsonValue database = vars.value(DatabaseUrlVar);
    if (!database.isString() || database.toString().isEmpty())
        databaseUrl = UrlState::Unset;
    else if (!url.isEmpty() && database.toString() == url.reveal())
        databaseUrl = UrlState::Promoted;
    else
        databaseUrl = UrlState::Elsewhere;
}

void FleetRow::setReport(const UsageReport &report)
{
    probe = ProbeState::Read;
    stateLine.clear();
    usedBytes = report.usage().totalBytes();
    connectionsInUse = report.usage().connectionsInUse;
    connectionLimit = report.connectionLimit();
    if (const std::optional<UsageFinding> storage = report.storage())
        storagePercent = storage->percent;
    const QList<UsageFinding> findings = report.findings();
    worstLevel = findings.isEmpty() ? UsageFinding::Level::Fine : findings.constFirst().level;
    worstLine = findings.isEmpty() ? QString() : findings.constFirst().line;
}

QString FleetRow::planShortName() const
{
    return planName.section(QLatin1Char(':'), 1);
}

QString FleetRow::priceText() const
{
    if (priceCents < 0)
        return QString();
    if (priceCents == 0)
        return QStringLiteral("free");
    return dollarsText(priceCents);
}

QString FleetRow::urlStateName(UrlState state)
{
    switch (state) {
    case UrlState::Promoted:
        return QStringLiteral("promoted");
    case UrlState::Elsewhere:
        return QStringLiteral("elsewhere");
    case UrlState::Unset:
        return QStringLiteral("unset");
    case UrlState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString FleetRow::probeStateName(ProbeState state)
{
    switch (state) {
    case ProbeState::Waiting:
        return QStringLiteral("waiting");
    case ProbeState::Reading:
        return QStringLiteral("reading");
    case ProbeState::Read:
        return QStringLiteral("read");
    case ProbeState::Unreachable:
        return QStringLiteral("unreachable");
    case ProbeState::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

QString FleetRow::databaseUrlText() const
{
    return urlStateName(databaseUrl);
}

QString FleetRow::reachableText() const
{
    switch (probe) {
    case ProbeState::Read:
        return QStringLiteral("yes");
    case ProbeState::Reading:
        return QStringLiteral("reading…");
    case ProbeState::Skipped:
        return isProvisioning() ? QStringLiteral("provisioning") : probeStateName(probe);
    default:
        return probeStateName(probe);
    }
}

QString FleetRow::storageText() const
{
    if (usedBytes < 0)
        return QString();
    if (quotaBytes <= 0 || storagePercent < 0)
        return PreflightRules::bytesText(usedBytes);
    return QStringLiteral("%1 of %2 (%3 %)")
        .arg(PreflightRules::bytesText(usedBytes), PreflightRules::bytesText(quotaBytes))
        .arg(storagePercent);
}

QString FleetRow::connectionsText() const
{
    if (connectionsInUse < 0)
        return QString();
    if (connectionLimit <= 0)
        return QStringLiteral("%1 (no per-user limit)").arg(connectionsInUse);
    return QStringLiteral("%1 of %2").arg(connectionsInUse).arg(connectionLimit);
}

QString FleetRow::findingText() const
{
    return isRead() ? worstLine : stateLine;
}

QJsonObject FleetRow::toJson() const
{
    QJsonObject object{
        {QStringLiteral("app"), app},
        {QStringLiteral("addon"), addonName},
        {QStringLiteral("addon_id"), addonId},
        {QStringLiteral("plan"), planName},
        {QStringLiteral("price_cents"), priceCents >= 0 ? QJsonValue(priceCents) : QJsonValue()},
        {QStringLiteral("config_var"), configVar},
        {QStringLiteral("database_url"), databaseUrlText()},
        {QStringLiteral("probe"), probeStateName(probe)}};
    if (!stateLine.isEmpty())
        object.insert(QStringLiteral("state_line"), stateLine);
    if (isRead()) {
        object.insert(QStringLiteral("used_bytes"), usedBytes);
        object.insert(QStringLiteral("quota_bytes"), quotaBytes >= 0 ? QJsonValue(quotaBytes) : QJsonValue());
        object.insert(QStringLiteral("storage_percent"),
                      storagePercent >= 0 ? QJsonValue(storagePercent) : QJsonValue());
        object.insert(QStringLiteral("connections_in_use"), connectionsInUse);
        object.insert(QStringLiteral("connection_limit"), connectionLimit);
        object.insert(QStringLiteral("level"), UsageFinding::levelName(worstLevel));
        object.insert(QStringLiteral("finding"), worstLine);
    }
    return object;
}
