// SPDX-License-Identifier: MIT
#include "transfer/DatabaseEndpoint.h"

#include "dburl/DatabaseUrl.h"

QString DatabaseEndpoint::label() const
{
    const QString shownHost = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    return QStringLiteral("%1@%2:%3/%4").arg(user, shownHost).arg(port).arg(database);
}

Result<DatabaseEndpoint> DatabaseEndpoint::fromUrl(const DatabaseUrl &url)
{
    if (url.database().isEmpty())
        return makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("The database URL %1 names no database: add /DATABASE after the host.")
                .arg(url.redacted()));
    if (url.user().isEmpty())
        return makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("The database URL %1 names no user: write mysql://USER:PASSWORD@HOST/DB.")
                .arg(url.redacted()));
    DatabaseEndpoint endpoint;
    endpoint.host = url.host();
    endpoint.port = url.port();
    endpoint.user = url.user();
    endpoint.password = Secret(url.password());
    endpoint.database = url.database();
    endpoint.caFile = url.option(UrlOptionTable::SslCa);
    endpoint.certFile = url.option(UrlOptionTable::SslCert);
    endpoint.keyFile = url.option(UrlOptionTable::SslKey);
    const QString mode = url.option(UrlOptionTable::SslMode).toUpper();
    if (mode == QStringLiteral("DISABLED") || mode == QStringLiteral("DISABLE"))
        endpoint.tls = Tls::Disabled;
    else if (!endpoint.caFile.isEmpty())
        endpoint.tls = Tls::Verified;
    return endpoint;
}

Result<DatabaseEndpoint> DatabaseEndpoint::fromText(const QString &text)
{
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text.trimmed());
    if (!parsed.ok())
        return parsed.error.toError();
    return fromUrl(parsed.url);
}
