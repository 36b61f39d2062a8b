// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

// Something the FailoverMonitor concluded from its samples, with the wall-clock time of the sample
// that proved it.
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
    };

    qint64 atMs = 0;
    Kind kind = Kind::Failover;
    QString target;
    qint64 fromServerId = -1;
    qint64 toServerId = -1;
    QString detail;

    QString kindName() const;
};

Q_DECLARE_METATYPE(MonitorEvent)
