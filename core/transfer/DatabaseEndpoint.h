// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"

#include <QString>

class DatabaseUrl;

// One side of a dump, restore or copy: where the database is and who logs in, with the password held
// as a Secret so it cannot be printed by accident. Built from a `mysql://` URL (CLEARDB_DATABASE_URL):
//
//     Result<DatabaseEndpoint> source = DatabaseEndpoint::fromText(url);
//     if (!source) return source.error();          // names the wrong part, never the password
//     log(source->label());                          // "user@host:3306/db"
//
// TLS follows the URL's options (any spelling UrlOptionTable knows): a CA file means TLS with the
// server's certificate verified against it; ssl-mode=DISABLED means no TLS; otherwise the client's
// default (TLS when the server offers it).
struct DatabaseEndpoint
{
    enum class Tls
    {
        ClientDefault,
        Verified, // caFile required; the server's certificate and host name are checked
        Disabled,
    };

    QString host;
    int port = 3306;
    QString user;
    Secret password;
    QString database;
    Tls tls = Tls::ClientDefault;
    QString caFile;
    QString certFile;
    QString keyFile;

    // "user@host:port/database": safe for messages and logs.
    QString label() const;

    static Result<DatabaseEndpoint> fromUrl(const DatabaseUrl &url);
    static Result<DatabaseEndpoint> fromText(const QString &text);
};
