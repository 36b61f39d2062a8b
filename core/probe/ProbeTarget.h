// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QMetaType>
#include <QString>

// Where a probe connects: the parts of a database URL the probe needs, plus its limits.
// Fill it from a parsed CLEARDB_DATABASE_URL (host without port means 3306, like ClearDB's URLs).
// The password is only handed to the MySQL driver; print a target with redacted(), never field by field.
struct ProbeTarget
{
    QString label; // what the user calls it: "routed", "primary", ...
    QString host;
    quint16 port = 3306;
    QString user;
    QString password;
    QString database;
    QString caFile;       // PEM CA bundle to verify the server certificate; empty = do not verify
    int timeoutMs = 5000; // per stage; also the driver's connect/read/write timeout (rounded up to seconds)

    // "mysql://user:********@host:port/database" (DatabaseUrl::redacted()): safe for logs and screens.
    QString redacted() const;
    // Whether the target can be probed at all: an InvalidInput error naming what is missing (empty host,
    // port 0, ...) otherwise.
    Status validate() const;
};

Q_DECLARE_METATYPE(ProbeTarget)
