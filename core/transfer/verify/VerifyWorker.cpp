// SPDX-License-Identifier: MIT
#include "transfer/verify/VerifyWorker.h"

#include "probe/SqlSession.h"
#include "transfer/verify/SchemaCatalog.h"
#include "transfer/verify/TableDigest.h"

namespace {
// A table's digest is one statement that scans it: allow it minutes, not the probe's seconds.
constexpr int kStatementTimeoutMs = 600000;

Status openSnapshot(SqlSession &session, const ProbeTarget &target, const QString &side)
{
    ProbeTarget t = target;
    t.timeoutMs = qMax(t.timeoutMs, kStatementTimeoutMs);
    if (t.database.isEmpty())
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("the %1 URL names no database; add /DATABASE to it").arg(side));
    ProbeError error = session.open(t);
    // derived_merge: TableDigest's derived table must be merged, never materialised (memory stays flat).
    // A read-only transaction with a consistent snapshot: every table is read as of one moment.
    for (const char *sql : {"SET SESSION optimizer_switch = 'derived_merge=on'",
                            "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                            "START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT"}) {
        if (error.isError())
            break;
        error = session.exec(QString::fromLatin1(sql));
    }
    if (!error.isError())
        return {};
    Error e = error.toError();
    e.message = QStringLiteral("%1 database %2: %3").arg(side, t.redacted(), e.message);
    return e;
}
} // namespace

VerifyWorker::VerifyWorker(std::shared_ptr<std::atomic_bool> cancelled) : m_cancelled(std::move(cancelled)) {}

VerifyWorker::~VerifyWorker() = default;

void VerifyWorker::run(const ProbeTarget &source, const ProbeTarget &target)
{
    Q_EMIT finished(verify(source, target));
}

VerifyOutcome VerifyWorker::verify(const ProbeTarget &source, const ProbeTarget &target)
{
    VerifyOutcome out;
    SqlSession from;
    SqlSession to;
    if (Status st = openSnapshot(from, source, QStringLiteral("source")); !st)
        return {st, {}};
    if (Status st = openSnapshot(to, target, QStringLiteral("target")); !st)
        return {st, {}};
    const Result<SchemaSnapshot> a = SchemaCatalog::read(from, source.database);
    if (!a)
        return {a.error(), {}};
    const Result<SchemaSnapshot> b = SchemaCatalog::read(to, target.database);
    if (!b)
        return {b.error(), {}};
    out.report.differences = SchemaSnapshot::compare(a.value(), b.value());
    out.report.objectsCompared = a->objects().size();

    QStringList common;
    for (auto it = a->tables().cbegin(); it != a->tables().cend(); ++it)
        if (b->tables().contains(it.key()))
            common << it.key();
    int done = 0;
    for (const QString &table : common) {
        if (m_cancelled->load())
            return {makeError(Error::Kind::Cancelled, QStringLiteral("verification cancelled; nothing was "
                                                                     "changed on either database")),
                    out.report};
        // Hash the columns both sides have, in the source's order: a column difference is already a
        // schema difference, and the rows of the rest can still be compared.
        QStringList columns;
        for (const QString &column : a->tables().value(table))
            if (b->tables().value(table).contains(column))
                columns << column;
        const Result<TableDigest> x = TableDigest::compute(from, source.database, table, columns);
        if (!x)
            return {x.error(), out.report};
        const Result<TableDigest> y = TableDigest::compute(to, target.database, table, columns);
        if (!y)
            return {y.error(), out.report};
        out.report.sourceRows += x->rows;
        ++out.report.tablesDigested;
        if (x.value() != y.value())
            out.report.differences.append(
                {VerifyDifference::Kind::Rows, SchemaSnapshot::tableKey(table),
                 QStringLiteral("source %1 rows, target %2 rows").arg(x->rows).arg(y->rows)});
        Q_EMIT tableDone(table, ++done, common.size());
    }
    std::stable_sort(
        out.report.differences.begin(), out.report.differences.end(),
        [](const VerifyDifference &l, const VerifyDifference &r) { return l.object < r.object; });
    from.exec(QStringLiteral("COMMIT"));
    to.exec(QStringLiteral("COMMIT"));
    return out;
}
