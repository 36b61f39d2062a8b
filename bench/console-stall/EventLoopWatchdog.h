// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

// Measures how long the GUI thread's event loop goes without turning: a 1 ms precise QTimer whose
// lateness (time since the previous tick minus the interval) is the stall a user would feel as a
// frozen window. Stalls are attributed to the current phase ("load", "filter", ...).
//
//     EventLoopWatchdog dog;
//     dog.start(QStringLiteral("load"));
//     ... later: dog.setPhase(QStringLiteral("filter")); dog.maxStallMs(QStringLiteral("filter"));
class EventLoopWatchdog : public QObject
{
    Q_OBJECT
public:
    explicit EventLoopWatchdog(QObject *parent = nullptr);

    void start(const QString &phase);
    void setPhase(const QString &phase);
    void stop();
    double maxStallMs(const QString &phase) const { return m_maxByPhase.value(phase, 0); }
    double maxStallMs() const { return m_max; }
    // Stalls longer than one 60 Hz frame (16.7 ms), over the whole run.
    int framesMissed() const { return m_framesMissed; }

private:
    void onTick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    QString m_phase;
    QHash<QString, double> m_maxByPhase;
    double m_max = 0;
    int m_framesMissed = 0;
};
