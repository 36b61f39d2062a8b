// SPDX-License-Identifier: MIT
#include "transfer/TargetObjects.h"

QString TargetObjects::query()
{
    return QStringLiteral(
        "SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
        "UNION ALL SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
        "DATABASE() "
        "UNION ALL SELECT 'EVENT', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = "
        "DATABASE()");
}

TargetObjects TargetObjects::fromRows(const QList<QStringList> &rows)
{
    TargetObjects objects;
    for (const QStringList &row : rows) {
        if (row.size() >= 2)
            objects.m_objects.append({row.at(0), row.at(1)});
    }
    return objects;
}

QString TargetObjects::summary() const
{
    int tables = 0;
    int views = 0;
    int others = 0;
    for (const Object &object : m_objects) {
        if (object.kind == QStringLiteral("VIEW"))
            ++views;
        else if (object.kind.contains(QStringLiteral("TABLE")) ||
                 object.kind.contains(QStringLiteral("VERSIONED")))
            ++tables;
        else
            ++others;
    }
    QStringList parts;
    if (tables)
        parts << QStringLiteral("%1 table(s)").arg(tables);
    if (views)
        parts << QStringLiteral("%1 view(s)").arg(views);
    if (others)
        parts << QStringLiteral("%1 routine(s), sequence(s) or event(s)").arg(others);
    return parts.join(QStringLiteral(", "));
}

QString TargetObjects::quoteName(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('`'), QStringLiteral("``"));
    return QLatin1Char('`') + quoted + QLatin1Char('`');
}

QByteArray TargetObjects::dropScript() const
{
    QString sql = QStringLiteral("SET FOREIGN_KEY_CHECKS=0;\n");
    // Views first: a view over a table would otherwise be left dangling while it is dropped.
    for (const Object &object : m_objects) {
        if (object.kind == QStringLiteral("VIEW"))
            sql += QStringLiteral("DROP VIEW IF EXISTS %1;\n").arg(quoteName(object.name));
    }
    for (const Object &object : m_objects) {
        const QString name = quoteName(object.name);
        if (object.kind == QStringLiteral("VIEW"))
            continue;
        if (object.kind == QStringLiteral("SEQUENCE"))
            sql += QStringLiteral("DROP SEQUENCE IF EXISTS %1;\n").arg(name);
        else if (object.kind == QStringLiteral("PROCEDURE") || object.kind == QStringLiteral("FUNCTION") ||
                 object.kind == QStringLiteral("EVENT"))
            sql += QStringLiteral("DROP %1 IF EXISTS %2;\n").arg(object.kind, name);
        else
            sql += QStringLiteral("DROP TABLE IF EXISTS %1;\n").arg(name);
    }
    sql += QStringLiteral("SET FOREIGN_KEY_CHECKS=1;\n");
    return sql.toUtf8();
}
