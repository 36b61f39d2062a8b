// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"

#include <QList>
#include <QSet>
#include <QString>

// Decides failover and failback from a stream of samples; pure logic, no timers or I/O, so it is
// tested with hand-made samples. Endpoints are told apart by MonitorSample::target:
//  - "routed": the single endpoint applications use (ClearDB's router). Failover is when the server
//    answering it (@@server_id) changes away from the home server; failback when it is the home one again.
//  - "primary"/"secondary": the masters' own addresses. Failover is also declared as soon as the primary
//    stops answering while the secondary answers (earlier than the router notices). Failback is only
//    taken from the routed endpoint when it is watched: routers move traffic back later than the primary
//    comes up (ClearDB waits for re-synchronisation).
// The home server is the primary's @@server_id, or else the first server the routed endpoint answered from.
class FailoverDetector
{
public:
    static QString routedTarget() { return QStringLiteral("routed"); }
    static QString primaryTarget() { return QStringLiteral("primary"); }
    static QString secondaryTarget() { return QStringLiteral("secondary"); }

    void reset();
    // Feeds one sample; returns the events it proves (usually none).
    QList<MonitorEvent> addSample(const MonitorSample &sample);

    qint64 homeServerId() const { return m_home; }
    qint64 activeServerId() const { return m_active; }

private:
    void switchTo(qint64 serverId, const MonitorSample &cause, const QString &why,
                  QList<MonitorEvent> *events);

    qint64 m_home = -1;
    qint64 m_active = -1;
    qint64 m_secondaryId = -1;
    bool m_primaryDown = false;
    bool m_secondaryAnswering = false;
    bool m_routedSeen = false;
    qint64 m_lastSwitchAtMs = 0;
    QSet<QString> m_down;
};
