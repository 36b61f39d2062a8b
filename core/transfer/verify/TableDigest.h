// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

class SqlSession;

// The content of one table as a row count and a digest, computed by the server in one scan so that
// neither side's memory grows with the table: each column becomes SHA2 of its bytes
// (CAST(col AS BINARY), so a value's exact bytes count, not its collation) or the marker 'N' for NULL,
// so NULL and '' differ; the row is SHA2 of those joined with ','; and the table is the row count with
// the sums of the first two 64-bit slices of the row hashes. Summing makes the digest independent of
// row order, so tables without a primary key need no ORDER BY (no sort on the server, no chunk
// boundaries to keep), and a row that appears twice counts twice. Generated columns are hashed like
// the others: their values are the same after an exact reload, whereas CHECKSUM TABLE of such a
// table may not be (MariaDB 10.11). Two digests are equal when the tables hold the same multiset of
// rows, barring a collision of the 128-bit sums.
struct TableDigest
{
    qint64 rows = 0;
    QString sum; // "s1:s2", the two decimal sums

    bool operator==(const TableDigest &other) const { return rows == other.rows && sum == other.sum; }
    bool operator!=(const TableDigest &other) const { return !(*this == other); }

    // The one SELECT that computes it for `database`.`table` over `columns`.
    static QString query(const QString &database, const QString &table, const QStringList &columns);
    static Result<TableDigest> compute(SqlSession &session, const QString &database, const QString &table,
                                       const QStringList &columns);
};
