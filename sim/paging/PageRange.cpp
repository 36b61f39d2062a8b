// SPDX-License-Identifier: MIT
#include "sim/paging/PageRange.h"

#include <QRegularExpression>

Result<PageRange> PageRange::parse(const QByteArray &header, const QStringList &allowedFields)
{
    PageRange r;
    r.field = allowedFields.value(0, QStringLiteral("id"));
    const QString text = QString::fromUtf8(header).trimmed();
    if (text.isEmpty())
        return r;
    static const QRegularExpression re(
        QStringLiteral(R"(^([a-z_]+)\s+(\]?)([^.;]*)\.\.([^;]*?)\s*(?:;\s*(.*))?$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("Range header is malformed; expected e.g. \"id ..; max=200\""));
    }
    r.field = m.captured(1);
    if (!allowedFields.contains(r.field)) {
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("Range field \"%1\" is not sortable here; use one of: %2")
                             .arg(r.field, allowedFields.join(QStringLiteral(", "))));
    }
    r.startExclusive = !m.captured(2).isEmpty();
    r.start = m.captured(3).trimmed();
    r.end = m.captured(4).trimmed();
    const QStringList params = m.captured(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : params) {
        const QString param = raw.trimmed();
        if (param.startsWith(QLatin1String("max="))) {
            bool ok = false;
            const int max = param.mid(4).toInt(&ok);
            if (!ok || max < 1) {
                return makeError(Error::Kind::InvalidInput,
                                 QStringLiteral("Range max must be a positive number"));
            }
            r.max = qMin(max, LargestMax);
        } else if (param == QLatin1String("order=asc") || param == QLatin1String("order=desc")) {
            r.descending = param.endsWith(QLatin1String("desc"));
        } else {
            return makeError(
                Error::Kind::InvalidInput,
                QStringLiteral("Range parameter \"%1\" is not understood; use max=N or order=asc|desc")
                    .arg(param));
        }
    }
    return r;
}

QByteArray PageRange::nextRange(const QString &lastValue) const
{
    QString s = field + QStringLiteral(" ]") + lastValue + QStringLiteral("..");
    s += QStringLiteral("; ");
    if (descending)
        s += QStringLiteral("order=desc, ");
    s += QStringLiteral("max=") + QString::number(max);
    return s.toUtf8();
}

QByteArray PageRange::contentRange(const QString &first, const QString &last) const
{
    return (field + QLatin1Char(' ') + first + QStringLiteral("..") + last + QStringLiteral("; max=") +
            QString::number(max))
        .toUtf8();
}

bool PageRange::contains(const QString &value) const
{
    // In descending order "start" is the high bound and "end" the low one.
    const int sign = descending ? -1 : 1;
    if (!start.isEmpty()) {
        const int c = sign * compareValues(value, start);
        if (c < 0 || (c == 0 && startExclusive))
            return false;
    }
    if (!end.isEmpty() && sign * compareValues(value, end) > 0)
        return false;
    return true;
}

int PageRange::compareValues(const QString &a, const QString &b)
{
    bool aNumeric = false;
    bool bNumeric = false;
    const qlonglong x = a.toLongLong(&aNumeric);
    const qlonglong y = b.toLongLong(&bNumeric);
    if (aNumeric && bNumeric)
        return x < y ? -1 : (x > y ? 1 : 0);
    return a.compare(b);
}
