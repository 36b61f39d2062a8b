// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/ClusterSpecValidation.h"
#include "dburl/DatabaseUrl.h"
#include "dburl/Framework.h"

// The inputs of the dedicated-cluster builder: a ClearDB dedicated cluster is reached through one
// host name (the routers in front of two masters); the second master's own host is optional and
// only used by the monitor. TLS files are the ones ClearDB hands out (CA, client certificate and a
// passphrase-protected client key).
//
// Usage: fill the members from the dialog, call `validate()` on every edit and show
// `messagesFor(field)` beside each input; when `ok()`, `toUrl(framework)` gives the DatabaseUrl with
// the TLS options spelled the way that framework reads them (mysql2:// and sslca for Rails, ssl_ca
// for SQLAlchemy, ssl-ca otherwise), ready for FrameworkSnippet. It does not connect: the probe does.
struct DedicatedClusterSpec
{
    QString host;
    QString secondaryHost;
    int port = 0; // 0 = 3306
    QString user;
    QString password;
    QString database;
    QString caFile;
    QString certFile;
    QString keyFile;
    QList<DatabaseUrl::Option> extraOptions;

    ClusterSpecValidation validate() const;
    DatabaseUrl::ParseResult toUrl(Framework::Id framework = Framework::Generic) const;
};
