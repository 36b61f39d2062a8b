// SPDX-License-Identifier: MIT
#include "transfer/verify/TableDigest.h"

#include "probe/SqlSession.h"
#include "transfer/verify/SchemaSnapshot.h"

QString TableDigest::query(const QString &database, const QString &table, const QStringList &columns)
{
    QStringList parts;
    for (const QString &column : columns) {
        const QString c = SchemaSnapshot::quoted(column);
        parts << QStringLiteral("IF(%1 IS NULL, 'N', SHA2(CAST(%1 AS BINARY), 256))").arg(c);
    }
    const QString row = QStringLiteral("SHA2(CONCAT_WS(',', %1), 256)").arg(parts.join(QStringLiteral(", ")));
    // CONV of 15 hex digits fits a BIGINT; SUM over integers is exact DECIMAL, so no overflow.
    // The derived table is merged into the outer SELECT (derived_merge), so it is never materialised.
    return QStringLiteral("SELECT COUNT(*), SUM(CONV(SUBSTRING(h, 1, 15), 16, 10)), "
                          "SUM(CONV(SUBSTRING(h, 16, 15), 16, 10)), SUM(CONV(SUBSTRING(h, 31, 15), 16, 10)), "
                          "SUM(h IS NULL) FROM (SELECT %1 AS h FROM %2.%3) AS r")
        .arg(row, SchemaSnapshot::quoted(database), SchemaSnapshot::quoted(table));
}

Result<TableDigest> TableDigest::compute(SqlSession &session, const QString &database, const QString &table,
                                         const QStringList &columns)
{
    if (columns.isEmpty())
        return makeError(Error::Kind::Remote,
                         QStringLiteral("table `%1` shows no columns; check the user's privileges").arg(table));
    QVariantList row;
    const ProbeError error = session.exec(query(database, table, columns), {}, &row);
    if (error.isError()) {
        Error e = error.toError();
        e.message = QStringLiteral("cannot read table `%1`: %2").arg(table, e.message);
        return e;
    }
    if (row.size() < 5)
        return makeError(Error::Kind::Remote, QStringLiteral("the digest of table `%1` came back empty").arg(table));
    // A row hash is NULL only when its input exceeded max_allowed_packet: then the digest would skip it.
    if (row.at(4).toLongLong() != 0)
        return makeError(Error::Kind::Unsupported,
                         QStringLiteral("table `%1` has rows too large to hash on the server; raise its "
                                        "max_allowed_packet")
                             .arg(table));
    TableDigest digest;
    digest.rows = row.at(0).toLongLong();
    digest.sum = QStringLiteral("%1:%2:%3").arg(row.at(1).toString(), row.at(2).toString(), row.at(3).toString());
    return digest;
}
