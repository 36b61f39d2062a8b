// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"
#include "probe/ProbeTarget.h"
#include "transfer/DatabaseEndpoint.h"

#include <QString>

// What a DatabaseSpec stands for once DatabaseSpecResolver has read it: the URL (a Secret), the
// endpoint the dump, restore and copy jobs log in to, and where it came from for messages.
struct ResolvedDatabase
{
    QString description; // "CLEARDB_DATABASE_URL of app my-app": no password
    Secret url;
    DatabaseEndpoint endpoint;

    // The same database for DatabaseVerifier (UrlProbeTarget: TLS options as the URL gives them).
    ProbeTarget probeTarget() const;
    // Parses `url` (read from `description`); errors name the place and never the password.
    static Result<ResolvedDatabase> fromUrl(const QString &url, const QString &description);
};
