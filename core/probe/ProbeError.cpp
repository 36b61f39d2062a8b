// SPDX-License-Identifier: MIT
#include "probe/ProbeError.h"

namespace {
struct CodeInfo
{
    int code;
    ProbeError::Kind kind;
    const char *explanation;
};

// Server errors (1xxx) and client library errors (2xxx) users meet when connecting to ClearDB.
constexpr CodeInfo kCodes[] = {
    {1040, ProbeError::Kind::TooManyConnections,
     "too many connections: the server has no free connection slots; close idle connections or retry"},
    {1226, ProbeError::Kind::TooManyConnections,
     "too many connections for this user (max_user_connections; 15 on ClearDB punch); close idle "
     "connections or use a connection pool of at most the plan limit"},
    {1203, ProbeError::Kind::TooManyConnections,
     "this user already has more than max_user_connections active connections; close idle connections"},
    {1045, ProbeError::Kind::AccessDenied,
     "access denied: the user name or password is wrong; copy them again from CLEARDB_DATABASE_URL"},
    {1044, ProbeError::Kind::AccessDenied,
     "access denied to this database for this user; check the database name"},
    {1130, ProbeError::Kind::AccessDenied, "this host is not allowed to connect to the server"},
    {1049, ProbeError::Kind::UnknownDatabase, "unknown database: check the database name in the URL"},
    {1129, ProbeError::Kind::HostBlocked,
     "the server blocked this host after too many broken connections; the operator must run FLUSH HOSTS"},
    {2002, ProbeError::Kind::ConnectionRefused, "cannot connect to the server; is it running on that port?"},
    {2003, ProbeError::Kind::ConnectionRefused, "cannot connect to the server; is it running on that port?"},
    {2005, ProbeError::Kind::UnknownHost,
     "unknown host: the name does not resolve; check the host in the URL"},
    {2006, ProbeError::Kind::ConnectionLost,
     "the server has gone away: the connection was closed (ClearDB closes idle connections after about 90 "
     "s)"},
    {2013, ProbeError::Kind::ConnectionLost,
     "lost connection to the server during the query or handshake; the server or router may be failing over"},
    {2026, ProbeError::Kind::TlsHandshakeFailed, "the TLS connection to the server could not be set up"},
};
} // namespace

QString ProbeError::kindName() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::InvalidTarget:
        return QStringLiteral("invalid-target");
    case Kind::UnknownHost:
        return QStringLiteral("unknown-host");
    case Kind::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::ConnectionLost:
        return QStringLiteral("connection-lost");
    case Kind::ProtocolError:
        return QStringLiteral("protocol-error");
    case Kind::TlsNotOffered:
        return QStringLiteral("tls-not-offered");
    case Kind::TlsHandshakeFailed:
        return QStringLiteral("tls-handshake-failed");
    case Kind::TlsVerificationFailed:
        return QStringLiteral("tls-verification-failed");
    case Kind::AccessDenied:
        return QStringLiteral("access-denied");
    case Kind::TooManyConnections:
        return QStringLiteral("too-many-connections");
    case Kind::UnknownDatabase:
        return QStringLiteral("unknown-database");
    case Kind::HostBlocked:
        return QStringLiteral("host-blocked");
    case Kind::ServerError:
        return QStringLiteral("server-error");
    case Kind::DriverMissing:
        return QStringLiteral("driver-missing");
    case Kind::InsecureAuth:
        return QStringLiteral("insecure-auth");
    }
    return QStringLiteral("unknown");
}

QString ProbeError::toString() const
{
    if (!isError())
        return QString();
    QString line = probeStageName(stage) + QStringLiteral(": ") + message;
    if (code != 0)
        line += QStringLiteral(" [") + QString::number(code) + QLatin1Char(']');
    if (!detail.isEmpty())
        line += QStringLiteral(" (") + detail + QLatin1Char(')');
    return line;
}

Error ProbeError::toError() const
{
    Error::Kind common = Error::Kind::Remote;
    switch (kind) {
    case Kind::None:
    case Kind::ProtocolError:
    case Kind::ServerError:
    case Kind::TooManyConnections:
    case Kind::TlsHandshakeFailed:
    case Kind::TlsVerificationFailed:
        common = Error::Kind::Remote;
        break;
    case Kind::InvalidTarget:
        common = Error::Kind::InvalidInput;
        break;
    case Kind::UnknownHost:
    case Kind::ConnectionRefused:
    case Kind::ConnectionLost:
        common = Error::Kind::Network;
        break;
    case Kind::Timeout:
        common = Error::Kind::Timeout;
        break;
    case Kind::TlsNotOffered:
    case Kind::InsecureAuth:
    case Kind::DriverMissing:
        common = Error::Kind::Unsupported;
        break;
    case Kind::AccessDenied:
    case Kind::HostBlocked:
        common = Error::Kind::Unauthorized;
        break;
    case Kind::UnknownDatabase:
        common = Error::Kind::NotFound;
        break;
    }
    QString line = probeStageName(stage) + QStringLiteral(": ") + message;
    if (code != 0)
        line += QStringLiteral(" [") + QString::number(code) + QLatin1Char(']');
    return makeError(common, line, detail);
}

ProbeError ProbeError::make(ProbeStage stage, Kind kind, const QString &message, const QString &detail,
                            int code)
{
    ProbeError e;
    e.stage = stage;
    e.kind = kind;
    e.code = code;
    e.message = message;
    e.detail = detail;
    return e;
}

ProbeError ProbeError::fromMySqlCode(ProbeStage stage, int code, const QString &detail)
{
    for (const CodeInfo &info : kCodes) {
        if (info.code == code)
            return make(stage, info.kind, QString::fromLatin1(info.explanation), detail, code);
    }
    return make(stage, Kind::ServerError, QStringLiteral("the server returned an error"), detail, code);
}
