// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/DrillResult.h"
#include "monitor/FailoverMonitor.h"
#include "sandbox/ProcessControl.h"
#include "sandbox/SandboxCluster.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

class Clock;
class SqlWorkerThread;
class ReplicationSyncWorker;

// A failover drill on the sandbox cluster (never on a real ClearDB database: it kills a server).
// It watches the routed endpoint and both masters with a FailoverMonitor (new connection per probe, as
// the sandbox admin), waits until the routed endpoint is served by the primary, sends SIGKILL to the
// primary mariadbd (its pid from `cluster.sh status`, its command line checked through ProcessControl so
// a stale pid never hits another process), waits for the failover event and for the router to move to the
// secondary, restarts the primary (`cluster.sh start` restarts dead parts), waits until both masters have
// applied each other's writes (GTID positions) and for the failback event. Everything is asynchronous; the
// one DrillResult arrives through finished(). If a step fails after the kill, the primary is still restarted.
// Where the platform cannot control processes (ProcessControl::supported()), start() fails at once
// with that one line and never touches the sandbox.
//
//     auto *drill = new FailoverDrill(cluster, this);
//     drill->setIntervalMs(250);
//     connect(drill, &FailoverDrill::finished, this, [](const DrillResult &r) { ... r.failoverDetectMs ...
//     }); drill->start();
class FailoverDrill : public QObject
{
    Q_OBJECT
public:
    explicit FailoverDrill(SandboxCluster *cluster, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~FailoverDrill() override;

    // A drill probes fast or not at all: past 5 s an interval would hide the router's own timing.
    static constexpr int kMaxIntervalMs = 5000;
    void setIntervalMs(int ms) { m_intervalMs = qBound(FailoverMonitor::kMinIntervalMs, ms, kMaxIntervalMs); }
    int intervalMs() const { return m_intervalMs; }
    // How long each step may take before the drill gives up. The defaults suit the sandbox: HAProxy
    // moves the routed endpoint after `fall 2` failed checks at 250 ms (about 1.1 s measured) and the
    // monitor needs one more interval, so 15 s for the failover is far beyond both.
    struct Timeouts
    {
        int statusMs = 60000;
        int baselineMs = 30000;
        int failoverMs = 15000;
        int restartMs = 180000;
        int failbackMs = 60000;
    };
    void setTimeouts(const Timeouts &timeouts) { m_timeouts = timeouts; }
    const Timeouts &timeouts() const { return m_timeouts; }
    // "15 s", "1.5 s": a limit as the drill's messages state it.
    static QString seconds(int ms);
    // Replaces ProcessControl::forThisPlatform() (tests drive the other platforms' implementation).
    void setProcessControl(std::unique_ptr<ProcessControl> processes);
    void start();
    // Stops a running drill at once: finished() reports it cancelled, and a primary the drill already
    // killed is started again (the restart itself finishes in the background, like after a failure).
    void cancel();
    bool isRunning() const { return m_phase != Phase::Idle; }
    // The monitor the drill watches with (for live display of its samples and events).
    FailoverMonitor *monitor() const { return m_monitor.get(); }

Q_SIGNALS:
    // A new monitor watches for the drill, already running (the drill replaces its monitor when the router
    // moves before the kill). Connect to its signals here to see every sample it records.
    void monitorStarted(FailoverMonitor *monitor);
    // One line for people: "killing the primary (pid 1234)", ...
    void progressed(const QString &step);
    void finished(const DrillResult &result);

private:
    enum class Phase
    {
        Idle,
        Status,
        Baseline,
        AwaitFailover,
        Restart,
        AwaitFailback,
    };

    void enter(Phase phase, int timeoutMs);
    void onStatus(const SandboxResult &result);
    void onStarted(const SandboxResult &result);
    void onSample(const MonitorSample &sample);
    void onEvent(const MonitorEvent &event);
    void onSynced(quint64 ticket, const ProbeError &error);
    void onTimeout();
    void startMonitor();
    void kill();
    void maybeFinish();
    void fail(Error::Kind kind, const QString &message);
    void fail(Error error);
    qint64 now() const;

    SandboxCluster *m_cluster;
    const Clock *m_clock;
    std::unique_ptr<ProcessControl> m_processes;
    int m_intervalMs = 1000;
    Timeouts m_timeouts;
    Phase m_phase = Phase::Idle;
    QTimer m_timeout;
    SandboxStatus m_status;
    std::unique_ptr<FailoverMonitor> m_monitor;
    DrillResult m_result;
    qint64 m_primaryId = -1;
    int m_homeAnswers = 0;
    bool m_secondaryAnswered = false;
    bool m_synced = false;
    bool m_restartRequested = false;
    qint64 m_restartAskedAtMs = 0;
    quint64 m_syncTicket = 0;
    ReplicationSyncWorker *m_syncWorker = nullptr;
    std::unique_ptr<SqlWorkerThread> m_syncThread;
};
