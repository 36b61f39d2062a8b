// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "probe/ProbeTarget.h"

#include <QString>

class DatabaseUrl;

// Turns a database URL (CLEARDB_DATABASE_URL, a master's own URL) into the ProbeTarget the probe and the
// monitor connect to: host, port (3306 when absent, as ClearDB's URLs omit it), user, password,
// database and the CA file from any ssl-ca spelling UrlOptionTable knows (ssl-ca, ssl_ca, sslca, SSL_CA).
//
//     const Result<ProbeTarget> target =
//     UrlProbeTarget::fromText(qEnvironmentVariable("CLEARDB_DATABASE_URL")); if (!target)
//         show(target.error().oneLine());   // DatabaseUrl's message: names the wrong part, never the
//         password
//
// It does not connect, resolve the host or check that the CA file exists (the probe's TLS stage reports
// an unreadable CA as its own error).
class UrlProbeTarget
{
public:
    static ProbeTarget fromUrl(const DatabaseUrl &url, const QString &label = {});
    // Parses `text`; on failure an InvalidInput error whose message has no password.
    static Result<ProbeTarget> fromText(const QString &text, const QString &label = {});
};
