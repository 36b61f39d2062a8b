// SPDX-License-Identifier: MIT
#include "transfer/verify/SchemaSnapshot.h"

namespace {
// A definition can be long (a column's whole description, a view's SELECT): the detail shows both
// from a little before the first character where they part.
QString excerpt(const QString &value, int from)
{
    constexpr int kMax = 60;
    const QString lead = from > 0 ? QStringLiteral("…") : QString();
    const QString tail = value.mid(from);
    return lead + (tail.size() <= kMax ? tail : tail.left(kMax) + QStringLiteral("…"));
}

QString describeChange(const QString &aspect, bool inSource, const QString &source, bool inTarget,
                       const QString &target)
{
    if (!inSource)
        return aspect + QStringLiteral(" only in the target");
    if (!inTarget)
        return aspect + QStringLiteral(" missing from the target");
    int first = 0;
    while (first < source.size() && first < target.size() && source.at(first) == target.at(first))
        ++first;
    // Back up to the start of the word ("COMMENT='a'" rather than "a'").
    int from = qMax(0, first - 1);
    while (from > 0 && source.at(from - 1) != QLatin1Char(' '))
        --from;
    return QStringLiteral("%1: source %2, target %3")
        .arg(aspect, excerpt(source, from), excerpt(target, from));
}
} // namespace

void SchemaSnapshot::setAspect(const QString &object, const QString &aspect, const QString &value)
{
    m_objects[object].insert(aspect, value);
}

void SchemaSnapshot::addTable(const QString &table, const QStringList &columns)
{
    m_tables.insert(table, columns);
    m_objects[tableKey(table)];
}

void SchemaSnapshot::appendColumn(const QString &table, const QString &column)
{
    const auto it = m_tables.find(table);
    if (it != m_tables.end())
        it->append(column);
}

QString SchemaSnapshot::tableKey(const QString &table)
{
    return QStringLiteral("table ") + quoted(table);
}

QString SchemaSnapshot::quoted(const QString &name)
{
    QString inner = name;
    inner.replace(QLatin1Char('`'), QStringLiteral("``"));
    return QLatin1Char('`') + inner + QLatin1Char('`');
}

QList<VerifyDifference> SchemaSnapshot::compare(const SchemaSnapshot &source, const SchemaSnapshot &target)
{
    QList<VerifyDifference> out;
    QStringList keys = source.m_objects.keys() + target.m_objects.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : keys) {
        const auto s = source.m_objects.constFind(key);
        const auto t = target.m_objects.constFind(key);
        if (t == target.m_objects.constEnd()) {
            out.append({VerifyDifference::Kind::Missing, key, {}});
            continue;
        }
        if (s == source.m_objects.constEnd()) {
            out.append({VerifyDifference::Kind::Extra, key, {}});
            continue;
        }
        QStringList aspects = s->keys() + t->keys();
        aspects.removeDuplicates();
        aspects.sort();
        QStringList changes;
        for (const QString &aspect : aspects) {
            const QString a = s->value(aspect, QString());
            const QString b = t->value(aspect, QString());
            const bool inA = s->contains(aspect);
            const bool inB = t->contains(aspect);
            if (inA && inB && a == b)
                continue;
            changes << describeChange(aspect, inA, a, inB, b);
        }
        if (!changes.isEmpty())
            out.append({VerifyDifference::Kind::Schema, key, changes.join(QStringLiteral("; "))});
    }
    return out;
}
