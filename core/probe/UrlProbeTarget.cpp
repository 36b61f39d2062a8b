// SPDX-License-Identifier: MIT
#include "probe/UrlProbeTarget.h"

#include "dburl/DatabaseUrl.h"

ProbeTarget UrlProbeTarget::fromUrl(const DatabaseUrl &url, const QString &label)
{
    ProbeTarget target;
    target.label = label;
    target.host = url.host();
    target.port = quint16(url.port());
    target.user = url.user();
    target.password = url.password();
    target.database = url.database();
    // option() returns the last value under any spelling, the way the drivers read a repeated option.
    target.caFile = url.option(UrlOptionTable::SslCa);
    return target;
}

Result<ProbeTarget> UrlProbeTarget::fromText(const QString &text, const QString &label)
{
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(text.trimmed());
    if (!parsed.ok())
        return parsed.error.toError();
    return fromUrl(parsed.url, label);
}
