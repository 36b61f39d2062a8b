// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "probe/ProbeTarget.h"

#include <QByteArray>
#include <QString>

// The sandbox cluster as `cluster.sh status --json` reports it: ports, process ids, the CA file and
// where the admin password is kept, for the pair and for the separate dedicated server beside it.
// target() turns it into probe targets for the routed endpoint, either master or the dedicated server.
// `state` is the pair's (the ClearDB cluster); the dedicated server has only its own running flag.
struct SandboxStatus
{
    enum class Endpoint
    {
        Routed,
        Primary,
        Secondary,
        Dedicated, // the standalone server standing for a dedicated cluster or a local MySQL
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
    quint16 dedicatedPort = 0; // 0 when an older cluster.sh reported no dedicated server
    qint64 dedicatedPid = 0;
    bool dedicatedRunning = false;
    QString dedicatedAdminPasswordFile;
    QString dedicatedAdminUrl; // without the password
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
    // The sandbox admin's password on the pair (or on `endpoint`'s server: the dedicated server has its
    // own), read from its 0600 file; empty if unreadable.
    QString adminPassword(Endpoint endpoint = Endpoint::Routed) const;

    // Parses `cluster.sh status --json`; a Remote error (the script's answer was unusable) on failure.
    static Result<SandboxStatus> fromJson(const QByteArray &json);
};
