// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"

struct st_mysql;

// Turns a failed Connector/C call (mysql_errno, mysql_error) into a ProbeError at the stage where it
// happened, with the plain explanations ProbeError::fromMySqlCode gives; adds what only the client
// library reports: a refused TCP connection, a failed or unverifiable TLS handshake, and an
// authentication plugin the connection may not use (CR_PLUGIN_NOT_ALLOWED, MARIADB_OPT_RESTRICTED_AUTH).
class ConnectorError
{
public:
    static ProbeError fromConnection(st_mysql *mysql, ProbeStage stage);
    static ProbeError fromCode(ProbeStage stage, int code, const QString &detail);
    // A TCP connect that failed with `error` (an errno from SO_ERROR).
    static ProbeError fromConnectErrno(int error);
    // Whether the connection's error could only come after a completed TLS handshake: an answer from
    // the server (1xxx) or a connection lost while reading the answer to the login.
    static bool cameAfterTls(st_mysql *mysql);
};
