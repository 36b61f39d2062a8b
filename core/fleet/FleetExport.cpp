// SPDX-License-Identifier: MIT
#include "fleet/FleetExport.h"

#include <QJsonArray>

QString FleetExport::csvField(const QString &value)
{
    QString field = value;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!field.isEmpty() && formulaStarts.contains(field.at(0)))
        field.prepend(QLatin1Char('\''));
    const bool quote = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                       field.contains(QLatin1Char('\r')) || field.contains(QLatin1Char('\n'));
    if (!quote)
        return field;
    field.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + field + QLatin1Char('"');
}

QByteArray FleetExport::csv(const QList<FleetRow> &rows)
{
    const QStringList header{QStringLiteral("app"),
                             QStringLiteral("addon"),
                             QStringLiteral("plan"),
                             QStringLiteral("price_cents"),
                             QStringLiteral("config_var"),
                             QStringLiteral("database_url"),
                             QStringLiteral("reachable"),
                             QStringLiteral("used_bytes"),
                             QStringLiteral("quota_bytes"),
                             QStringLiteral("storage_percent"),
                             QStringLiteral("connections_in_use"),
                             QStringLiteral("connection_limit"),
                             QStringLiteral("level"),
                             QStringLiteral("finding")};
    auto number = [](qint64 n) { return n < 0 ? QString() : QString::number(n); };
    QStringList lines{header.join(QLatin1Char(','))};
    for (const FleetRow &row : rows) {
        const bool read = row.isRead();
        QStringList fields{row.app,
                           row.addonName,
                           row.planName,
                           number(row.priceCents),
                           row.configVar,
                           row.databaseUrlText(),
                           FleetRow::probeStateName(row.probe),
                           read ? number(row.usedBytes) : QString(),
                           number(row.quotaBytes),
                           read ? number(row.storagePercent) : QString(),
                           read ? number(row.connectionsInUse) : QString(),
                           read ? number(row.connectionLimit) : QString(),
                           read ? UsageFinding::levelName(row.worstLevel) : QString(),
                           row.findingText()};
        for (QString &field : fields)
            field = csvField(field);
        lines << fields.join(QLatin1Char(','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

qint64 FleetExport::totalMonthlyCents(const QList<FleetRow> &rows)
{
    qint64 total = 0;
    for (const FleetRow &row : rows)
        total += qMax(0, row.priceCents);
    return total;
}

QJsonObject FleetExport::json(const QList<FleetRow> &rows, int rateLimitRemaining)
{
    QJsonArray addons;
    for (const FleetRow &row : rows)
        addons.append(row.toJson());
    return {{QStringLiteral("addons"), addons},
            {QStringLiteral("total_monthly_cents"), totalMonthlyCents(rows)},
            {QStringLiteral("rate_limit_remaining"),
             rateLimitRemaining >= 0 ? QJsonValue(rateLimitRemaining) : QJsonValue()}};
}
