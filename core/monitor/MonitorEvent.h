// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

// Something the FailoverMonitor concluded from its samples, with the wall-clock time of the sample
// that proved it, or a replication-lag measurement of its opt-in canary (written through the primary,
// read on the secondary: `target` is the secondary, the server ids are the writer's and the reader's).
struct MonitorEvent
{
    enum class Kind
    {
        Failover,          // traffic moved away from the home (primary) server
        Failback,          // traffic is back on the home server
        OutageStarted,     // an endpoint stopped answering
        OutageEnded,       // it answers again
        ConnectionDropped, // the persistent connection was closed (idle kill, restart); not a failover by
                           // itself
        ReplicationLag,    // the canary measured the lag (lagMs)
        CanaryFailed,      // the canary could not measure it (detail says why)
    };

    qint64 atMs = 0;
    Kind kind = Kind::Failover;
    QString target;
    qint64 fromServerId = -1;
    qint64 toServerId = -1;
    QString detail;
    double lagMs = -1; // ReplicationLag only: from the canary row's commit to it being readable

    QString kindName() const;
};

Q_DECLARE_METATYPE(MonitorEvent)
