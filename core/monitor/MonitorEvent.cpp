// SPDX-License-Identifier: MIT
#include "monitor/MonitorEvent.h"

QString MonitorEvent::kindName() const
{
    switch (kind) {
    case Kind::Failover:
        return QStringLiteral("failover");
    case Kind::Failback:
        return QStringLiteral("failback");
    case Kind::OutageStarted:
        return QStringLiteral("outage-started");
    case Kind::OutageEnded:
        return QStringLiteral("outage-ended");
    case Kind::ConnectionDropped:
        return QStringLiteral("connection-dropped");
    case Kind::ReplicationLag:
        return QStringLiteral("replication-lag");
    case Kind::CanaryFailed:
        return QStringLiteral("canary-failed");
    }
    return QStringLiteral("unknown");
}
