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
    // Each 16-hex-digit slice is a BIGINT UNSIGNED (CAST: SUM over CONV's string would be a DOUBLE and
    // lose the low bits); SUM over integers is an exact DECIMAL, so it never overflows. The derived
    // table is merged into the outer SELECT (derived_merge), never materialised.
    return QStringLiteral("SELECT COUNT(*), SUM(CAST(CONV(SUBSTRING(h, 1, 16), 16, 10) AS UNSIGNED)), "
                          "SUM(CAST(CONV(SUBSTRING(h, 17, 16), 16, 10) AS UNSIGNED)) "
                          "FROM (SELECT %1 AS h FROM %2.%3) AS r")
        .arg(row, SchemaSnapshot::quoted(database), SchemaSnapshot::quoted(table));
}

Result<TableDigest> TableDigest::compute(SqlSession &session, const QString &database, const QString &table,
                                         const QStringList &columns)
{
    if (columns.isEmpty())
        return makeError(
            Error::Kind::Remote,
            QStringLiteral("table `%1` shows no columns; check the user's privileges").arg(table));
    QVariantList row;
    const ProbeError error = session.exec(query(database, table, columns), {}, &row);
    if (error.isError()) {
        Error e = error.toError();
        e.message = QStringLiteral("cannot read table `%1`: %2").arg(table, e.message);
        return e;
    }
    // The row hash is never NULL: its input is at most 65 bytes per column, whatever the values' size.
    if (row.size() < 3)
        return makeError(Error::Kind::Remote,
                         QStringLiteral("the digest of table `%1` came back empty").arg(table));
    TableDigest digest;
    digest.rows = row.at(0).toLongLong();
    digest.sum = QStringLiteral("%1:%2").arg(row.at(1).toString(), row.at(2).toString());
    return digest;
}
