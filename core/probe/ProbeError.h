// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"
#include "probe/ProbeStage.h"

#include <QString>

// Why a probe failed, attributed to the stage where it failed. `code` is the MySQL server or client
// error number when there is one (1045, 1040, 2013, ...), otherwise 0. `message` is a plain explanation
// for people; `detail` is the raw text from the server, driver or socket (never contains a password:
// MySQL's own messages only name the user).
struct ProbeError
{
    enum class Kind
    {
        None,
        InvalidTarget,
        UnknownHost,
        ConnectionRefused,
        Timeout,
        ConnectionLost,
        ProtocolError,
        TlsNotOffered,
        TlsHandshakeFailed,
        TlsVerificationFailed,
        AccessDenied,
        TooManyConnections,
        UnknownDatabase,
        HostBlocked,
        ServerError,
        DriverMissing,
        InsecureAuth, // the server wanted the password unprotected
    };

    ProbeStage stage = ProbeStage::None;
    Kind kind = Kind::None;
    int code = 0;
    QString message;
    QString detail;

    bool isError() const { return kind != Kind::None; }
    QString kindName() const;
    // "tls: TLS verification failed: ... (detail)" — one line for logs and the CLI.
    QString toString() const;
    // The common Error: toString() without the detail as the message, the raw text as the detail.
    Error toError() const;

    static ProbeError make(ProbeStage stage, Kind kind, const QString &message, const QString &detail = {},
                           int code = 0);
    // Classifies a MySQL server/client error number (as returned by the driver) at a stage.
    static ProbeError fromMySqlCode(ProbeStage stage, int code, const QString &detail);
};
