// SPDX-License-Identifier: MIT
#include "dburl/DatabaseUrlError.h"

DatabaseUrlError DatabaseUrlError::make(Part part, const QString &detail)
{
    DatabaseUrlError error;
    error.part = part;
    error.message = partName(part) + QStringLiteral(": ") + detail;
    return error;
}

Error DatabaseUrlError::toError() const
{
    return makeError(Error::Kind::InvalidInput, QStringLiteral("invalid database URL: ") + message);
}

QString DatabaseUrlError::partName(Part part)
{
    switch (part) {
    case Part::None:
        return QString();
    case Part::Scheme:
        return QStringLiteral("scheme");
    case Part::User:
        return QStringLiteral("user");
    case Part::Password:
        return QStringLiteral("password");
    case Part::Host:
        return QStringLiteral("host");
    case Part::Port:
        return QStringLiteral("port");
    case Part::Database:
        return QStringLiteral("database");
    case Part::Option:
        return QStringLiteral("option");
    }
    return QString();
}
