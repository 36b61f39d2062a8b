// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeTarget.h"

#include <QString>

class DatabaseUrl;

// Turns a database URL (CLEARDB_DATABASE_URL, a master's own URL) into the ProbeTarget the probe and the
// monitor connect to: host, port (3306 when absent, as ClearDB's URLs omit it), user, password,
// database and the CA file from any ssl-ca spelling UrlOptionTable knows (ssl-ca, ssl_ca, sslca, SSL_CA).
//
//     ProbeTarget target;
//     QString error;
//     if (!UrlProbeTarget::fromText(qEnvironmentVariable("CLEARDB_DATABASE_URL"), &target, &error))
//         show(error);   // DatabaseUrl's message: names the wrong part, never the password
//
// It does not connect, resolve the host or check that the CA file exists (the probe's TLS stage reports
// an unreadable CA as its own error).
class UrlProbeTarget
{
public:
    static ProbeTarget fromUrl(const DatabaseUrl &url, const QString &label = {});
    // Parses `text`; on failure returns false and sets `error` to one line without the password.
    static bool fromText(const QString &text, ProbeTarget *target, QString *error, const QString &label = {});
};
