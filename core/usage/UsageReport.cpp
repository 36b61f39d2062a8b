// SPDX-License-Identifier: MIT
#include "usage/UsageReport.h"

#include "transfer/PreflightRules.h"

#include <QJsonArray>
#include <algorithm>

namespace {
QString limitSourceName(UsageReport::LimitSource source)
{
    switch (source) {
    case UsageReport::LimitSource::Server:
        return QStringLiteral("server");
    case UsageReport::LimitSource::Plan:
        return QStringLiteral("plan");
    case UsageReport::LimitSource::None:
        break;
    }
    return QStringLiteral("none");
}

UsageFinding note(const QString &topic, UsageFinding::Level level, const QString &line)
{
    UsageFinding finding;
    finding.topic = topic;
    finding.level = level;
    finding.line = line;
    return finding;
}
} // namespace

bool UsageReport::isClearDbHost(const QString &host)
{
    const QString h = host.toLower();
    return h.endsWith(QLatin1String(".cleardb.net")) || h.endsWith(QLatin1String(".cleardb.com"));
}

UsageReport::UsageReport(const DatabaseUsage &usage, const std::optional<ClearDbPlan> &plan,
                         bool clearDbRouter)
    : m_usage(usage), m_plan(plan), m_clearDbRouter(clearDbRouter)
{
}

UsageReport::LimitSource UsageReport::connectionLimitSource() const
{
    if (m_usage.maxUserConnections > 0)
        return LimitSource::Server;
    return m_plan && m_plan->maxConnections > 0 ? LimitSource::Plan : LimitSource::None;
}

int UsageReport::connectionLimit() const
{
    switch (connectionLimitSource()) {
    case LimitSource::Server:
        return m_usage.maxUserConnections;
    case LimitSource::Plan:
        return m_plan->maxConnections;
    case LimitSource::None:
        break;
    }
    return 0;
}

std::optional<UsageFinding> UsageReport::storage() const
{
    if (!m_plan)
        return std::nullopt;
    return UsageRules::storage(m_usage.totalBytes(), *m_plan, m_usage.largestTables(3));
}

UsageFinding UsageReport::connections() const
{
    UsageFinding finding = UsageRules::connections(m_usage.connectionsInUse, connectionLimit(), m_plan);
    if (connectionLimitSource() == LimitSource::Plan)
        finding.line += QStringLiteral(" (The limit is the plan's; the server reports none for this user.)");
    return finding;
}

QList<UsageFinding> UsageReport::findings() const
{
    QList<UsageFinding> all;
    if (const std::optional<UsageFinding> s = storage())
        all << *s;
    all << connections();
    if (m_usage.readOnly)
        all << note(QStringLiteral("read_only"), UsageFinding::Level::Alert,
                    QStringLiteral("Server: read_only is ON, so every write fails here; on a routed URL the "
                                   "pair may be failing over (watch it with `cleardbctl monitor`)."));
    if (m_clearDbRouter)
        all << note(QStringLiteral("idle"), UsageFinding::Level::Fine,
                    QStringLiteral("Idle connections: ClearDB's router closes them after about %1 s (the "
                                   "server's wait_timeout is %2 s); recycle or ping pooled connections "
                                   "sooner than that.")
                        .arg(RouterIdleSeconds)
                        .arg(m_usage.waitTimeoutSeconds));
    std::stable_sort(all.begin(), all.end(),
                     [](const UsageFinding &a, const UsageFinding &b) { return a.level > b.level; });
    return all;
}

UsageFinding::Level UsageReport::worstLevel() const
{
    const QList<UsageFinding> all = findings();
    return all.isEmpty() ? UsageFinding::Level::Fine : all.constFirst().level;
}

QString UsageReport::storageText() const
{
    const QString used = PreflightRules::bytesText(m_usage.totalBytes());
    const std::optional<UsageFinding> s = storage();
    if (!s)
        return used;
    return QStringLiteral("%1 of %2 (%3 %)")
        .arg(used, PreflightRules::bytesText(m_plan->storageBytes()))
        .arg(s->percent);
}

QString UsageReport::connectionsText() const
{
    if (connectionLimit() <= 0)
        return QStringLiteral("%1, no per-user limit").arg(m_usage.connectionsInUse);
    return QStringLiteral("%1 of %2 (%3 %)%4")
        .arg(m_usage.connectionsInUse)
        .arg(connectionLimit())
        .arg(connections().percent)
        .arg(connectionLimitSource() == LimitSource::Plan ? QStringLiteral(", the plan's limit") : QString());
}

QJsonObject UsageReport::toJson(int tableLimit) const
{
    QJsonObject plan;
    if (m_plan)
        plan = {{QStringLiteral("name"), m_plan->name},
                {QStringLiteral("price_cents"), m_plan->priceCents},
                {QStringLiteral("storage_bytes"), m_plan->storageBytes()},
                {QStringLiteral("max_connections"), m_plan->maxConnections},
                {QStringLiteral("limits_confirmed"), m_plan->confirmed}};
    QJsonObject storageJson{{QStringLiteral("used_bytes"), m_usage.totalBytes()}};
    if (const std::optional<UsageFinding> s = storage()) {
        storageJson.insert(QStringLiteral("limit_bytes"), m_plan->storageBytes());
        storageJson.insert(QStringLiteral("percent"), s->percent);
        storageJson.insert(QStringLiteral("level"), UsageFinding::levelName(s->level));
    }
    const UsageFinding c = connections();
    QJsonObject connectionsJson{{QStringLiteral("in_use"), m_usage.connectionsInUse},
                                {QStringLiteral("limit"), connectionLimit()},
                                {QStringLiteral("limit_source"), limitSourceName(connectionLimitSource())},
                                {QStringLiteral("server_max_connections"), m_usage.maxConnections},
                                {QStringLiteral("percent"), c.percent},
                                {QStringLiteral("level"), UsageFinding::levelName(c.level)}};
    QJsonArray tables;
    for (const DatabaseUsage::Table &t : m_usage.tables) {
        if (tableLimit >= 0 && tables.size() >= tableLimit)
            break;
        tables.append(QJsonObject{{QStringLiteral("name"), t.name},
                                  {QStringLiteral("data_bytes"), t.dataBytes},
                                  {QStringLiteral("index_bytes"), t.indexBytes},
                                  {QStringLiteral("rows_estimate"), t.rowsEstimate}});
    }
    QJsonArray findingsJson;
    for (const UsageFinding &f : findings())
        findingsJson.append(QJsonObject{{QStringLiteral("topic"), f.topic},
                                        {QStringLiteral("level"), UsageFinding::levelName(f.level)},
                                        {QStringLiteral("line"), f.line}});
    return {{QStringLiteral("plan"), m_plan ? QJsonValue(plan) : QJsonValue()},
            {QStringLiteral("storage"), storageJson},
            {QStringLiteral("connections"), connectionsJson},
            {QStringLiteral("wait_timeout_seconds"), m_usage.waitTimeoutSeconds},
            {QStringLiteral("router_idle_seconds"),
             m_clearDbRouter ? QJsonValue(RouterIdleSeconds) : QJsonValue()},
            {QStringLiteral("server"), QJsonObject{{QStringLiteral("version"), m_usage.serverVersion},
                                                   {QStringLiteral("read_only"), m_usage.readOnly}}},
            {QStringLiteral("tables"), tables},
            {QStringLiteral("table_count"), int(m_usage.tables.size())},
            {QStringLiteral("findings"), findingsJson}};
}
