// SPDX-License-Identifier: MIT
#pragma once

#include "probe/TlsCard.h"

#include <QString>

struct st_mysql;

// Reads the TLS card of a Connector/C connection: the protocol and cipher it negotiated
// (mariadb_get_infov MARIADB_CONNECTION_TLS_VERSION, mysql_get_ssl_cipher) and the server certificate
// it received, so the card describes the very connection that carries the login.
// Connector/C 3.3 has no call that returns the peer certificate (3.4 adds MARIADB_TLS_PEER_CERT_INFO),
// so it takes OpenSSL's SSL object from the connection's TLS layer (MARIADB_TLS in the public ma_tls.h;
// Debian builds libmariadb3 against OpenSSL). The chain was verified by the library during the
// handshake when a CA was given; this adds the host-name check (X509_check_host, RFC 6125) that tells
// "verified" from "chain OK, hostname mismatch".
class ConnectorTls
{
public:
    static bool isEncrypted(st_mysql *mysql);
    // `host` is the name the user connects to; `caGiven` whether the library verified the chain.
    static TlsCard describe(st_mysql *mysql, const QString &host, bool caGiven);
};
