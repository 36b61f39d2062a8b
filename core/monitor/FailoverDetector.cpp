// SPDX-License-Identifier: MIT
#include "monitor/FailoverDetector.h"

void FailoverDetector::reset()
{
    *this = FailoverDetector();
}

void FailoverDetector::switchTo(qint64 serverId, const MonitorSample &cause, const QString &why,
                                QList<MonitorEvent> *events)
{
    if (serverId < 0 || serverId == m_active)
        return;
    if (m_active < 0) {
        m_active = serverId; // first answer: nothing moved
        return;
    }
    MonitorEvent event;
    event.atMs = cause.atMs;
    event.kind = serverId == m_home ? MonitorEvent::Kind::Failback : MonitorEvent::Kind::Failover;
    event.target = cause.target;
    event.fromServerId = m_active;
    event.toServerId = serverId;
    event.detail = why;
    events->append(event);
    m_active = serverId;
    m_lastSwitchAtMs = cause.atMs;
}

QList<MonitorEvent> FailoverDetector::addSample(const MonitorSample &s)
{
    QList<MonitorEvent> events;
    // A persistent connection that breaks says "the connection ended" (ClearDB's 90 s idle kill does this
    // too), not "the server is down": the next probe reconnects and tells which.
    const bool dropped = !s.ok && s.reusedConnection;
    if (dropped) {
        events.append(
            MonitorEvent{s.atMs, MonitorEvent::Kind::ConnectionDropped, s.target, -1, -1, s.message});
    } else if (!s.ok && !m_down.contains(s.target)) {
        m_down.insert(s.target);
        events.append(MonitorEvent{s.atMs, MonitorEvent::Kind::OutageStarted, s.target, -1, -1, s.message});
    } else if (s.ok && m_down.remove(s.target)) {
        events.append(
            MonitorEvent{s.atMs, MonitorEvent::Kind::OutageEnded, s.target, -1, s.serverId, QString()});
    }
    if (dropped)
        return events;

    if (s.target == primaryTarget()) {
        m_primaryDown = !s.ok;
        if (s.ok && m_home < 0)
            m_home = s.serverId;
    } else if (s.target == secondaryTarget()) {
        m_secondaryAnswering = s.ok;
        if (s.ok)
            m_secondaryId = s.serverId;
    } else if (s.target == routedTarget()) {
        m_routedSeen = true;
        // Ignore answers to probes started before the last switch: they describe the old state.
        if (s.ok && s.startedAtMs >= m_lastSwitchAtMs) {
            if (m_home < 0)
                m_home = s.serverId;
            switchTo(s.serverId, s, QStringLiteral("the routed endpoint is answered by another server"),
                     &events);
        }
        return events;
    }

    if (m_home < 0)
        return events;
    if (m_active < 0 && !m_primaryDown && s.target == primaryTarget())
        m_active = m_home;
    if (m_primaryDown && m_secondaryAnswering && m_secondaryId >= 0 && (m_active == m_home || m_active < 0)) {
        switchTo(m_secondaryId, s,
                 QStringLiteral("the primary stopped answering while the secondary answers"), &events);
    } else if (!m_routedSeen && !m_primaryDown && s.target == primaryTarget() && m_active >= 0 &&
               m_active != m_home) {
        switchTo(m_home, s, QStringLiteral("the primary answers again"), &events);
    }
    return events;
}
