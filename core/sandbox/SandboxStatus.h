// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "probe/ProbeTarget.h"

#include <QByteArray>
#include <QString>

// The sandbox cluster as `cluster.sh status --json` reports it: ports, process ids, the CA file and
// where the admin password is kept. target() turns it into probe targets for the routed endpoint
// or either master.
struct SandboxStatus
{
    enum class Endpoint
    {
        Routed,
        Primary,
        Secondary,
    };

    QString state; // running | degraded | stopped
    QString dir;
    QString host = QStringLiteral("127.0.0.1");
    quint16 routedPort = 0;
    quint16 statsPort = 0;
    quint16 primaryPort = 0;
    quint16 secondaryPort = 0;
    qint64 haproxyPid = 0;
    qint64 primaryPid = 0;
    qint64 secondaryPid = 0;
    bool haproxyRunning = false;
    bool primaryRunning = false;
    bool secondaryRunning = false;
    QString caFile;
    QString adminUser;
    QString adminPasswordFile;
    QString adminUrl; // without the password
    QString statsUrl;

    bool isRunning() const { return state == QStringLiteral("running"); }
    quint16 port(Endpoint endpoint) const;
    // A probe target for one endpoint with the given credentials (and the sandbox CA).
    ProbeTarget target(Endpoint endpoint, const QString &user, const QString &password,
                       const QString &database = {}) const;
    // The sandbox admin's password, read from its 0600 file; empty if unreadable.
    QString adminPassword() const;

    // Parses `cluster.sh status --json`; a Remote error (the script's answer was unusable) on failure.
    static Result<SandboxStatus> fromJson(const QByteArray &json);
};
