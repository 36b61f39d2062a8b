// SPDX-License-Identifier: MIT
#include "probe/ConnectorError.h"

#include <cerrno>
#include <cstring>
#include <errmsg.h>
#include <mysql.h>

ProbeError ConnectorError::fromConnection(st_mysql *mysql, ProbeStage stage)
{
    return fromCode(stage, int(mysql_errno(mysql)), QString::fromUtf8(mysql_error(mysql)));
}

ProbeError ConnectorError::fromCode(ProbeStage stage, int code, const QString &detail)
{
    using Kind = ProbeError::Kind;
    if (code == CR_PLUGIN_NOT_ALLOWED)
        // The server asked for a plugin outside MariaDbConnection's list for this connection: on a
        // connection without TLS that is one that would hand it the password (mysql_clear_password, dialog).
        // No detail: Connector/C 3.3 formats this message from a stale pointer (bytes of the login
        // packet), which must never reach a screen or a log.
        return ProbeError::make(
            stage, Kind::InsecureAuth,
            QStringLiteral("refused: the server asked for the password in clear text (or another unsafe "
                           "authentication method) on a connection that is not encrypted; enable TLS on "
                           "the server or use mysql_native_password"),
            {}, code);
    if (code == CR_SSL_CONNECTION_ERROR) {
        // The library puts OpenSSL's X509 verification result in the message when the chain fails.
        const bool certificate = detail.contains(QStringLiteral("certificate"), Qt::CaseInsensitive) ||
                                 detail.contains(QStringLiteral("verif"), Qt::CaseInsensitive);
        if (certificate)
            return ProbeError::make(ProbeStage::Tls, Kind::TlsVerificationFailed,
                                    QStringLiteral("TLS verification failed: the server certificate does not "
                                                   "verify against the given CA file; nothing was sent"),
                                    detail, code);
        return ProbeError::make(ProbeStage::Tls, Kind::TlsHandshakeFailed,
                                QStringLiteral("the TLS handshake failed (no common protocol or cipher, or "
                                               "the server dropped the connection)"),
                                detail, code);
    }
    if (stage == ProbeStage::Tcp && (code == 2002 || code == 2003))
        return ProbeError::make(stage, Kind::ConnectionRefused,
                                QStringLiteral("connection refused: nothing listens on that port (server "
                                               "down, wrong port, or a firewall rejects it)"),
                                detail, 2003);
    if (stage == ProbeStage::Tls && (code == 2013 || code == 2006))
        return ProbeError::make(ProbeStage::Tls, Kind::TlsHandshakeFailed,
                                QStringLiteral("the TLS handshake failed: the server closed the connection"),
                                detail, code);
    return ProbeError::fromMySqlCode(stage, code, detail);
}

ProbeError ConnectorError::fromConnectErrno(int error)
{
    using Kind = ProbeError::Kind;
    const QString detail = QString::fromLocal8Bit(std::strerror(error));
    if (error == ECONNREFUSED)
        return ProbeError::make(ProbeStage::Tcp, Kind::ConnectionRefused,
                                QStringLiteral("connection refused: nothing listens on that port (server "
                                               "down, wrong port, or a firewall rejects it)"),
                                detail, 2003);
    if (error == ETIMEDOUT)
        return ProbeError::make(ProbeStage::Tcp, Kind::Timeout,
                                QStringLiteral("timed out connecting (a firewall dropping packets)"), detail,
                                2003);
    return ProbeError::make(ProbeStage::Tcp, Kind::ConnectionLost,
                            QStringLiteral("network error: the host is unreachable or the connection broke"),
                            detail, 2003);
}

bool ConnectorError::cameAfterTls(st_mysql *mysql)
{
    const unsigned int code = mysql_errno(mysql);
    if (code >= 1000 && code < 2000)
        return true;
    return (code == CR_SERVER_LOST || code == CR_SERVER_GONE_ERROR) &&
           std::strstr(mysql_error(mysql), "authorization packet") != nullptr;
}
