// SPDX-License-Identifier: MIT
#include "probe/ProbeTarget.h"

QString ProbeTarget::redacted() const
{
    const QString credentials = user.isEmpty() ? QString() : user + QStringLiteral(":***@");
    return QStringLiteral("mysql://") + credentials + host + QLatin1Char(':') + QString::number(port) +
           QLatin1Char('/') + database;
}

QString ProbeTarget::validationError() const
{
    if (host.trimmed().isEmpty())
        return QStringLiteral("the database URL has no host; use mysql://user:password@host/database");
    if (port == 0)
        return QStringLiteral("port 0 is not a valid MySQL port; omit it to use 3306");
    if (user.isEmpty())
        return QStringLiteral("the database URL has no user name; use mysql://user:password@host/database");
    if (timeoutMs < 100)
        return QStringLiteral("the probe timeout must be at least 100 ms");
    return QString();
}
