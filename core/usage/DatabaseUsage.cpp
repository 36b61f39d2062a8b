// SPDX-License-Identifier: MIT
#include "usage/DatabaseUsage.h"

#include "probe/SqlSession.h"

#include <QStringList>

qint64 DatabaseUsage::totalBytes() const
{
    qint64 total = 0;
    for (const Table &table : tables)
        total += table.bytes();
    return total;
}

QStringList DatabaseUsage::largestTables(int count) const
{
    QStringList names;
    for (int i = 0; i < tables.size() && i < count; ++i)
        names << tables.at(i).name;
    return names;
}

ProbeError DatabaseUsage::read(SqlSession &session, DatabaseUsage *usage)
{
    QList<QVariantList> rows;
    ProbeError error = session.select(
        QStringLiteral(
            "SELECT TABLE_NAME, IFNULL(DATA_LENGTH, 0), IFNULL(INDEX_LENGTH, 0), IFNULL(TABLE_ROWS, 0) "
            "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' "
            "ORDER BY IFNULL(DATA_LENGTH, 0) + IFNULL(INDEX_LENGTH, 0) DESC, TABLE_NAME"),
        {}, &rows);
    if (error.isError())
        return error;
    usage->tables.clear();
    for (const QVariantList &row : std::as_const(rows))
        usage->tables.append({row.value(0).toString(), row.value(1).toLongLong(), row.value(2).toLongLong(),
                              row.value(3).toLongLong()});
    // An unprivileged user sees only its own threads here; the user name is the part before '@'.
    QVariantList row;
    error = session.exec(QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                                        "WHERE USER = SUBSTRING_INDEX(CURRENT_USER(), '@', 1)"),
                         {}, &row);
    if (error.isError())
        return error;
    usage->connectionsInUse = row.value(0).toInt();
    row.clear();
    error = session.exec(QStringLiteral("SELECT @@max_user_connections, @@max_connections, @@wait_timeout, "
                                        "@@version, @@read_only"),
                         {}, &row);
    if (error.isError())
        return error;
    usage->maxUserConnections = row.value(0).toInt();
    usage->maxConnections = row.value(1).toInt();
    usage->waitTimeoutSeconds = row.value(2).toInt();
    usage->serverVersion = row.value(3).toString();
    usage->readOnly = row.value(4).toInt() != 0;
    return {};
}
