// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "monitor/MonitorEvent.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// What one FailoverDrill found: how long the monitor took to notice each half of the incident.
// Durations are in milliseconds, -1 when that step was not reached. The times are measured from the
// moment the drill acted (SIGKILL sent, restart finished) to the sample that proved the event.
struct DrillResult
{
    // Success, or which step failed and what to do (a Timeout names the limit that ran out). A result
    // that was never finished reads as failed.
    Status outcome = makeError(Error::Kind::Cancelled, QStringLiteral("the drill did not finish"));
    int intervalMs = 0;
    qint64 killedAtMs = 0;        // wall clock when SIGKILL was sent
    qint64 restartedAtMs = 0;     // wall clock when `cluster.sh start` reported the primary running again
    qint64 primaryBackAtMs = 0;   // wall clock of the first answer from the restarted primary's own port
    double failoverDetectMs = -1; // SIGKILL -> the monitor's failover event
    double routedFailoverMs = -1; // SIGKILL -> first answer from the secondary on the routed endpoint
    double restartMs = -1;        // how long `cluster.sh start` took to bring the primary back
    double resyncMs = -1;         // restart finished -> both masters have applied each other's writes
    // The restarted primary answers on its own port -> the failback event on the routed endpoint. This
    // includes the router's own delay (HAProxy waits for `rise 3` good checks, about 750 ms).
    double failbackDetectMs = -1;
    MonitorEvent failover;
    MonitorEvent failback;

    bool ok() const { return outcome.ok(); }
    const Error &error() const { return outcome.error(); }
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(DrillResult)
