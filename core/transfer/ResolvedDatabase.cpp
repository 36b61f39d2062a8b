// SPDX-License-Identifier: MIT
#include "transfer/ResolvedDatabase.h"

#include "probe/UrlProbeTarget.h"

ProbeTarget ResolvedDatabase::probeTarget() const
{
    // fromUrl() parsed the same text already, so this cannot fail here.
    return UrlProbeTarget::fromText(url.reveal(), description).valueOr(ProbeTarget());
}

Result<ResolvedDatabase> ResolvedDatabase::fromUrl(const QString &url, const QString &description)
{
    const Result<DatabaseEndpoint> endpoint = DatabaseEndpoint::fromText(url);
    if (!endpoint) {
        Error error = endpoint.error();
        error.message = QStringLiteral("%1: %2").arg(description, error.message);
        return error;
    }
    ResolvedDatabase resolved;
    resolved.description = description;
    resolved.url = Secret(url.trimmed());
    resolved.endpoint = endpoint.value();
    return resolved;
}
