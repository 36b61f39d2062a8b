// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "monitor/CanaryWorker.h"
#include "monitor/FailoverDetector.h"
#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"
#include "monitor/SampleBuffer.h"
#include "probe/ProbeTarget.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

class Clock;
class ConnectionProbe;
class SqlProbeWorker;
class SqlWorkerThread;
struct ProbeResult;
struct SqlOutcome;

// Watches a ClearDB database for failover: probes the routed URL (and, if given, both masters' own
// URLs side by side) on a schedule, keeps the samples in a bounded ring, and reports failover and
// failback as timestamped events (see FailoverDetector for the rules). Two modes:
//  - NewConnection: a full ConnectionProbe per tick (what a fresh application connection sees);
//  - Persistent: one connection per endpoint, queried every tick (what a pooled connection sees).
//    The interval is capped at 60 s so the connection is always used well within ClearDB's 90 s idle kill.
// A probe still running when its next tick comes is not doubled: the tick is skipped for that endpoint,
// so the monitor holds at most one or two connections (punch plans allow 15).
// The opt-in canary (measureReplicationLag) writes to the user's database and needs setCanaryConsent(true);
// with setCanaryIntervalMs() it measures on its own schedule while the monitor runs. Each measurement is
// also recorded as a ReplicationLag (or CanaryFailed) event, so the event list and exports carry it.
//
//     FailoverMonitor monitor;                  // or FailoverMonitor monitor(&testClock);
//     monitor.setTarget(FailoverDetector::routedTarget(), routed);
//     connect(&monitor, &FailoverMonitor::failoverDetected, this, [](const MonitorEvent &e) { ... });
//     monitor.start();
class FailoverMonitor : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        NewConnection,
        Persistent,
    };
    static constexpr int kMinIntervalMs = 100;
    static constexpr int kMaxIntervalMs = 60000;
    // The canary's schedule: a row written every 10 s by default is a trickle next to any application,
    // and still shows a replication stall within seconds.
    static constexpr int kDefaultCanaryIntervalMs = 10000;
    static constexpr int kMinCanaryIntervalMs = 1000;
    static constexpr int kMaxCanaryIntervalMs = 3600000;

    explicit FailoverMonitor(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~FailoverMonitor() override;

    // role: FailoverDetector::routedTarget(), primaryTarget() or secondaryTarget(). Replaces a previous one.
    void setTarget(const QString &role, const ProbeTarget &target);
    void clearTargets();
    // Clamped to [100 ms, 60 s]; takes effect at the next tick.
    void setIntervalMs(int ms);
    int intervalMs() const { return m_interval; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setCapacity(int samples);

    void start();
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

    QList<MonitorSample> samples() const { return m_samples.samples(); }
    QList<MonitorEvent> events() const { return m_events; }
    // The samples with their events (MonitorReport::samplesToCsv), and the events alone.
    QByteArray samplesCsv() const;
    QByteArray eventsCsv() const;
    // Samples, events, "intervalMs" and "mode", plus `about`'s members (the app, a drill's summary).
    QByteArray toJson(const QJsonObject &about = {}) const;
    static QString modeName(Mode mode);

    // Withdrawing consent also ends the canary's schedule; a measurement already sent still reports.
    void setCanaryConsent(bool consent);
    bool canaryConsent() const { return m_canaryConsent; }
    // Writes a canary row through the primary and times its arrival on the secondary (both must be
    // set as targets). Fails, sending nothing, when consent or a target is missing (InvalidInput) or a
    // measurement is already running (Conflict).
    Status measureReplicationLag(int timeoutMs = 5000);
    // 0 (the default) measures only when asked; otherwise clamped to [1 s, 1 h]: while the monitor
    // runs with consent and both masters, it measures at once and then every `ms` (skipping a turn
    // while one still runs). stop() ends the schedule and drops a measurement still under way.
    void setCanaryIntervalMs(int ms);
    int canaryIntervalMs() const { return m_canaryInterval; }

Q_SIGNALS:
    void sampleRecorded(const MonitorSample &sample);
    void eventRecorded(const MonitorEvent &event);
    void failoverDetected(const MonitorEvent &event);
    void failbackDetected(const MonitorEvent &event);
    void canaryMeasured(const CanaryResult &result);

private:
    struct Watch;
    Watch *watch(const QString &role) const;
    void tick();
    void launch(Watch *w);
    void onProbeFinished(Watch *w, const ProbeResult &result);
    void onPersistentAnswer(Watch *w, quint64 ticket, const SqlOutcome &outcome);
    void record(Watch *w, MonitorSample sample);
    void appendEvent(const MonitorEvent &event);
    void onCanaryMeasured(quint64 ticket, CanaryResult result);
    void updateCanarySchedule();

    const Clock *m_clock;
    Mode m_mode = Mode::NewConnection;
    int m_interval = 1000;
    QTimer m_timer;
    std::vector<std::unique_ptr<Watch>> m_watches;
    SampleBuffer m_samples;
    QList<MonitorEvent> m_events;
    FailoverDetector m_detector;
    bool m_canaryConsent = false;
    bool m_canaryBusy = false;
    quint64 m_canaryTicket = 0;
    int m_canaryInterval = 0;
    QTimer m_canaryTimer;
    CanaryWorker *m_canary = nullptr;
    std::unique_ptr<SqlWorkerThread> m_canaryThread;
};
