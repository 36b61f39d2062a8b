// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeStage.h"

#include <QMetaType>
#include <QString>

// One probe of one watched endpoint by the FailoverMonitor: when, which server answered (or why
// none did) and how long it took.
struct MonitorSample
{
    qint64 startedAtMs = 0; // wall clock when the probe started
    qint64 atMs = 0;        // wall clock when its answer arrived
    QString target;         // "routed", "primary", "secondary"
    bool ok = false;
    qint64 serverId = -1; // @@server_id of the answering server
    double latencyMs = 0; // whole probe (new connection) or the ping query (persistent)
    bool reusedConnection = false;
    ProbeStage errorStage = ProbeStage::None;
    int errorCode = 0;
    QString errorKind;
    QString message;
};

Q_DECLARE_METATYPE(MonitorSample)
