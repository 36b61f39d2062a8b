// SPDX-License-Identifier: MIT
#include "EventLoopWatchdog.h"

#include <algorithm>

EventLoopWatchdog::EventLoopWatchdog(QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopWatchdog::onTick);
}

void EventLoopWatchdog::start(const QString &phase)
{
    m_phase = phase;
    m_clock.start();
    m_lastNs = 0;
    m_timer.start();
}

void EventLoopWatchdog::setPhase(const QString &phase)
{
    m_phase = phase;
}

void EventLoopWatchdog::stop()
{
    m_timer.stop();
}

void EventLoopWatchdog::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    // Lateness beyond the 1 ms interval: the time the loop spent in something else.
    const double stall = std::max(0.0, (now - m_lastNs) / 1e6 - m_timer.interval());
    m_lastNs = now;
    double &phaseMax = m_maxByPhase[m_phase];
    phaseMax = std::max(phaseMax, stall);
    m_max = std::max(m_max, stall);
    if (stall > 1000.0 / 60)
        ++m_framesMissed;
}
