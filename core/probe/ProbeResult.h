// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"
#include "probe/ProbeStage.h"
#include "probe/TlsCard.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// Which server answered: from the greeting (version, connection id, capabilities) and from the
// first query (SELECT @@server_id, @@hostname, @@version, @@read_only).
struct ServerIdentity
{
    QString greetingVersion;
    quint32 connectionId = 0;
    quint32 capabilities = 0;
    bool answered = false; // true once the first query returned a row
    qint64 serverId = -1;
    QString hostname;
    QString version;
    bool readOnly = false;
};

struct StageTiming
{
    ProbeStage stage = ProbeStage::None;
    double ms = 0;
    bool ok = false;
};

// The outcome of one ConnectionProbe run: per-stage timings (in order, only stages that ran),
// the server's identity, the TLS card and, if it failed, the error attributed to its stage.
struct ProbeResult
{
    QString target;         // ProbeTarget::redacted()
    qint64 startedAtMs = 0; // wall clock, ms since the epoch
    QList<StageTiming> stages;
    double totalMs = 0;
    ServerIdentity server;
    TlsCard tls;
    ProbeError error;

    bool ok() const { return !error.isError(); }
    // -1 when the stage did not run.
    double stageMs(ProbeStage stage) const;
    bool hasStage(ProbeStage stage) const { return stageMs(stage) >= 0; }
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(StageTiming)
Q_DECLARE_METATYPE(ProbeResult)
