// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/Framework.h"

#include <QString>
#include <QStringList>

// The one mapping between the many spellings drivers use for the same connection option and
// ClearDB Console's meaning of it.
//
// Usage: `UrlOptionTable::keyFor(QStringLiteral("sslca"))` gives `UrlOptionTable::SslCa`;
// `spellingFor(SslCa, Framework::Rails)` gives "sslca" again. Lookup ignores case, so the Qt
// driver's SSL_CA and JDBC's sslMode match too. Spellings (each driver's documented option names):
//
//   key                  accepted spellings                                       written for
//   SslCa                ssl-ca ssl_ca sslca                                      mysql: ssl-ca, SQLAlchemy:
//   ssl_ca, Rails: sslca, Qt: SSL_CA SslCapath            ssl-capath ssl_capath sslcapath …-capath /
//   ssl_capath / sslcapath / SSL_CAPATH SslCert              ssl-cert ssl_cert sslcert … SslKey ssl-key
//   ssl_key sslkey                                   … SslCipher            ssl-cipher ssl_cipher sslcipher …
//   SslMode              ssl-mode ssl_mode sslmode (JDBC sslMode)                 mysql/mysqlclient/Rails:
//   ssl-mode/ssl_mode, JDBC: sslMode SslVerifyServerCert  ssl-verify-server-cert ssl_verify_server_cert
//   sslverify  mysql: ssl-verify-server-cert, SQLAlchemy: ssl_check_hostname,
//                        ssl_check_hostname                                       Rails: sslverify
//   Charset              charset encoding                                         Rails: encoding, others:
//   charset Reconnect            reconnect autoreconnect mysql_opt_reconnect              Rails: reconnect,
//   JDBC: autoReconnect, Qt: MYSQL_OPT_RECONNECT
//
// An empty spelling means the framework cannot take that option in a URL (Node's mysql2 wants the
// certificate contents, not a path; PyMySQL has no ssl_mode); snippet writers handle those in code.
// It deliberately does not validate values: drivers disagree on them ("true" vs "1").
class UrlOptionTable
{
public:
    enum Key
    {
        Unknown,
        SslCa,
        SslCapath,
        SslCert,
        SslKey,
        SslCipher,
        SslMode,
        SslVerifyServerCert,
        Charset,
        Reconnect,
    };

    static Key keyFor(const QString &spelling);
    static QStringList aliases(Key key);
    static QString spellingFor(Key key, Framework::Id framework);
    static bool isTls(Key key);
};
