// SPDX-License-Identifier: MIT
#include "transfer/verify/VerifyReport.h"

QString VerifyDifference::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("missing");
    case Kind::Extra:
        return QStringLiteral("extra");
    case Kind::Schema:
        return QStringLiteral("schema");
    case Kind::Rows:
        return QStringLiteral("rows");
    }
    return QString();
}

QString VerifyDifference::toString() const
{
    switch (kind) {
    case Kind::Missing:
        return object + QStringLiteral(": missing from the target");
    case Kind::Extra:
        return object + QStringLiteral(": only in the target");
    case Kind::Schema:
        return object + QStringLiteral(": definition differs (") + detail + QLatin1Char(')');
    case Kind::Rows:
        return object + QStringLiteral(": rows differ (") + detail + QLatin1Char(')');
    }
    return object;
}

QStringList VerifyReport::lines() const
{
    QStringList out;
    for (const VerifyDifference &d : differences)
        out << d.toString();
    return out;
}
