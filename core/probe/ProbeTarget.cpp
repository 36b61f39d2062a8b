// SPDX-License-Identifier: MIT
#include "probe/ProbeTarget.h"

#include "dburl/DatabaseUrl.h"

QString ProbeTarget::redacted() const
{
    // One redaction for every database URL on screen: DatabaseUrl's, with its mask.
    DatabaseUrl url;
    url.setScheme(QStringLiteral("mysql"));
    url.setUser(user);
    url.setPassword(password);
    url.setHost(host);
    url.setPort(port);
    url.setDatabase(database);
    return url.redacted();
}

Status ProbeTarget::validate() const
{
    const auto invalid = [](const QString &message) { return makeError(Error::Kind::InvalidInput, message); };
    if (host.trimmed().isEmpty())
        return invalid(
            QStringLiteral("the database URL has no host; use mysql://user:password@host/database"));
    if (port == 0)
        return invalid(QStringLiteral("port 0 is not a valid MySQL port; omit it to use 3306"));
    if (user.isEmpty())
        return invalid(
            QStringLiteral("the database URL has no user name; use mysql://user:password@host/database"));
    if (timeoutMs < 100)
        return invalid(QStringLiteral("the probe timeout must be at least 100 ms"));
    return {};
}
