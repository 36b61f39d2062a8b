// SPDX-License-Identifier: MIT
#include "common/Error.h"

QString Error::oneLine() const
{
    QString line = message;
    if (!detail.isEmpty() && detail != message)
        line += QStringLiteral(" (%1)").arg(detail);
    // One line whatever a server put in its text.
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::InvalidInput:
        return QStringLiteral("invalid-input");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Io:
        return QStringLiteral("io");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Remote:
        return QStringLiteral("remote");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::Unsupported:
        return QStringLiteral("unsupported");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    }
    return QStringLiteral("error");
}
