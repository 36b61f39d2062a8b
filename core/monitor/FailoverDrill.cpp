// SPDX-License-Identifier: MIT
#include "monitor/FailoverDrill.h"

#include "monitor/Clock.h"
#include "monitor/ReplicationSyncWorker.h"
#include "probe/SqlWorkerThread.h"

namespace {
constexpr int kSyncWaitMs = 30000;
// The sync probes' read timeout must outlast MASTER_GTID_WAIT's own wait by this much.
constexpr int kSyncReadSlackMs = 5000;
// Probes give up after this, so a server that hangs during the kill cannot stall the drill.
constexpr int kProbeTimeoutMs = 2000;
// Answers from the primary on the routed endpoint before the kill: proves the router is settled on it.
constexpr int kHomeAnswersNeeded = 2;
} // namespace

FailoverDrill::FailoverDrill(SandboxCluster *cluster, const Clock *clock, QObject *parent)
    : QObject(parent), m_cluster(cluster), m_clock(clock ? clock : Clock::system()),
      m_processes(ProcessControl::forThisPlatform())
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &FailoverDrill::onTimeout);
    connect(m_cluster, &SandboxCluster::statusRefreshed, this, &FailoverDrill::onStatus);
    connect(m_cluster, &SandboxCluster::started, this, &FailoverDrill::onStarted);
}

FailoverDrill::~FailoverDrill() = default;

void FailoverDrill::setProcessControl(std::unique_ptr<ProcessControl> processes)
{
    m_processes = std::move(processes);
}

QString FailoverDrill::seconds(int ms)
{
    return QStringLiteral("%1 s").arg(QString::number(ms / 1000.0, 'g', 6));
}

qint64 FailoverDrill::now() const
{
    return m_clock->nowMs();
}

void FailoverDrill::enter(Phase phase, int timeoutMs)
{
    m_phase = phase;
    m_timeout.start(timeoutMs);
}

void FailoverDrill::start()
{
    if (isRunning())
        return;
    m_result = DrillResult();
    m_result.intervalMs = m_intervalMs;
    m_synced = false;
    m_restartRequested = false;
    enter(Phase::Status, m_timeouts.statusMs);
    if (const Status supported = m_processes->supported(); !supported)
        return fail(Error::Kind::Unsupported,
                    QStringLiteral("the failover drill cannot run here: ") + supported.error().oneLine());
    Q_EMIT progressed(QStringLiteral("reading the sandbox status"));
    m_cluster->refreshStatus();
}

void FailoverDrill::cancel()
{
    if (isRunning())
        fail(Error::Kind::Cancelled, QStringLiteral("the drill was cancelled"));
}

void FailoverDrill::onStatus(const SandboxResult &result)
{
    if (m_phase != Phase::Status)
        return;
    if (!result.ok())
        return fail(result.error());
    m_status = result.status;
    if (!m_status.isRunning())
        return fail(Error::Kind::Conflict,
                    QStringLiteral("the sandbox is %1; start it with `cleardbctl sandbox start`")
                        .arg(m_status.state.isEmpty() ? QStringLiteral("stopped") : m_status.state));
    if (m_status.adminPassword().isEmpty())
        return fail(Error::Kind::Io,
                    QStringLiteral("cannot read the sandbox admin password from %1; restart the sandbox")
                        .arg(m_status.adminPasswordFile));
    startMonitor();
    enter(Phase::Baseline, m_timeouts.baselineMs);
    Q_EMIT progressed(QStringLiteral("waiting until the routed endpoint is served by the primary"));
}

void FailoverDrill::startMonitor()
{
    if (m_monitor) {
        // This may run inside the old monitor's own signal: let it finish before it is deleted.
        m_monitor->stop();
        m_monitor->disconnect(this);
        m_monitor.release()->deleteLater();
    }
    m_monitor = std::make_unique<FailoverMonitor>(m_clock);
    m_monitor->setIntervalMs(m_intervalMs);
    m_monitor->setMode(FailoverMonitor::Mode::NewConnection);
    const QString password = m_status.adminPassword();
    using E = SandboxStatus::Endpoint;
    const std::pair<QString, E> roles[] = {{FailoverDetector::routedTarget(), E::Routed},
                                           {FailoverDetector::primaryTarget(), E::Primary},
                                           {FailoverDetector::secondaryTarget(), E::Secondary}};
    for (const auto &[role, endpoint] : roles) {
        ProbeTarget target = m_status.target(endpoint, m_status.adminUser, password);
        target.timeoutMs = kProbeTimeoutMs;
        m_monitor->setTarget(role, target);
    }
    connect(m_monitor.get(), &FailoverMonitor::sampleRecorded, this, &FailoverDrill::onSample);
    connect(m_monitor.get(), &FailoverMonitor::eventRecorded, this, &FailoverDrill::onEvent);
    m_primaryId = -1;
    m_homeAnswers = 0;
    m_secondaryAnswered = false;
    m_monitor->start();
    Q_EMIT monitorStarted(m_monitor.get());
}

void FailoverDrill::onSample(const MonitorSample &s)
{
    if (s.target == FailoverDetector::primaryTarget() && s.ok) {
        if (m_phase == Phase::Baseline)
            m_primaryId = s.serverId;
        else if (m_result.killedAtMs != 0 && m_result.primaryBackAtMs == 0)
            m_result.primaryBackAtMs = s.atMs;
    }
    if (s.target == FailoverDetector::secondaryTarget() && s.ok)
        m_secondaryAnswered = true;
    if (s.target != FailoverDetector::routedTarget())
        return;
    if (m_phase == Phase::Baseline) {
        m_homeAnswers = (s.ok && m_primaryId >= 0 && s.serverId == m_primaryId) ? m_homeAnswers + 1 : 0;
        if (m_homeAnswers >= kHomeAnswersNeeded && m_secondaryAnswered)
            kill();
    } else if (m_phase == Phase::AwaitFailover && s.ok && s.serverId != m_primaryId &&
               m_result.routedFailoverMs < 0) {
        m_result.routedFailoverMs = double(s.atMs - m_result.killedAtMs);
        maybeFinish();
    }
}

void FailoverDrill::onEvent(const MonitorEvent &e)
{
    const bool failover = e.kind == MonitorEvent::Kind::Failover;
    const bool failback = e.kind == MonitorEvent::Kind::Failback;
    if (m_phase == Phase::Baseline && (failover || failback)) {
        // The router moved while the monitor learned which server is home: learn it again from scratch.
        Q_EMIT progressed(QStringLiteral("the routed endpoint moved before the kill; watching again"));
        startMonitor();
    } else if (failover && m_phase == Phase::AwaitFailover && m_result.failover.atMs == 0) {
        m_result.failover = e;
        m_result.failoverDetectMs = double(e.atMs - m_result.killedAtMs);
        Q_EMIT progressed(
            QStringLiteral("failover detected %1 ms after the kill").arg(m_result.failoverDetectMs));
        maybeFinish();
    } else if (failback && (m_phase == Phase::Restart || m_phase == Phase::AwaitFailback) &&
               m_result.failback.atMs == 0) {
        m_result.failback = e;
        Q_EMIT progressed(QStringLiteral("failback detected"));
        maybeFinish();
    }
}

void FailoverDrill::kill()
{
    const qint64 pid = m_status.primaryPid;
    // Only ever the sandbox's own server: the pid must still be a mariadbd started from this cluster's
    // directory (a stale status could name a pid the system has since given to another process).
    const Result<QByteArray> command = m_processes->commandLine(pid);
    if (!command || !command->contains("mariadbd") || !command->contains(m_status.dir.toUtf8()))
        return fail(Error::Kind::Conflict,
                    QStringLiteral("pid %1 is not the sandbox's primary mariadbd; run `cleardbctl sandbox "
                                   "status` and try again")
                        .arg(pid));
    Q_EMIT progressed(QStringLiteral("sending SIGKILL to the primary (pid %1)").arg(pid));
    if (const Status killed = m_processes->killHard(pid); !killed)
        return fail(killed.error().kind,
                    QStringLiteral("cannot kill the primary: ") + killed.error().oneLine());
    m_result.killedAtMs = now();
    enter(Phase::AwaitFailover, m_timeouts.failoverMs);
}

void FailoverDrill::onStarted(const SandboxResult &result)
{
    if (m_phase != Phase::Restart)
        return;
    if (!result.ok())
        return fail(result.error().kind,
                    QStringLiteral("restarting the primary failed: ") + result.error().oneLine());
    m_status = result.status;
    m_result.restartedAtMs = now();
    m_result.restartMs = double(m_result.restartedAtMs - m_restartAskedAtMs);
    enter(Phase::AwaitFailback, m_timeouts.failbackMs);
    Q_EMIT progressed(QStringLiteral("primary restarted; waiting for re-synchronisation and failback"));
    if (!m_syncWorker) {
        m_syncWorker = new ReplicationSyncWorker;
        connect(m_syncWorker, &ReplicationSyncWorker::synced, this, &FailoverDrill::onSynced);
        m_syncThread = std::make_unique<SqlWorkerThread>(m_syncWorker);
    }
    const QString password = m_status.adminPassword();
    ProbeTarget primary = m_status.target(SandboxStatus::Endpoint::Primary, m_status.adminUser, password);
    ProbeTarget secondary = m_status.target(SandboxStatus::Endpoint::Secondary, m_status.adminUser, password);
    primary.timeoutMs = secondary.timeoutMs = kSyncWaitMs + kSyncReadSlackMs;
    const quint64 ticket = ++m_syncTicket;
    QMetaObject::invokeMethod(m_syncWorker, [worker = m_syncWorker, ticket, primary, secondary] {
        worker->waitForSync(ticket, primary, secondary, kSyncWaitMs);
    });
}

void FailoverDrill::onSynced(quint64 ticket, const ProbeError &error)
{
    if (ticket != m_syncTicket || m_phase != Phase::AwaitFailback)
        return;
    if (error.isError())
        return fail(Error::Kind::Remote,
                    QStringLiteral("the masters did not re-synchronize: ") + error.toString());
    m_synced = true;
    m_result.resyncMs = double(now() - m_result.restartedAtMs);
    maybeFinish();
}

void FailoverDrill::maybeFinish()
{
    if (m_phase == Phase::AwaitFailover && m_result.failover.atMs != 0 && m_result.routedFailoverMs >= 0) {
        m_restartRequested = true;
        m_restartAskedAtMs = now();
        enter(Phase::Restart, m_timeouts.restartMs);
        Q_EMIT progressed(QStringLiteral("restarting the primary"));
        m_cluster->start();
        return;
    }
    if (m_phase != Phase::AwaitFailback || !m_synced || m_result.failback.atMs == 0)
        return;
    const qint64 back = m_result.primaryBackAtMs != 0 ? m_result.primaryBackAtMs : m_result.restartedAtMs;
    m_result.failbackDetectMs = double(m_result.failback.atMs - back);
    m_result.outcome = Status();
    m_timeout.stop();
    m_monitor->stop();
    m_phase = Phase::Idle;
    Q_EMIT finished(m_result);
}

void FailoverDrill::onTimeout()
{
    // Each message names the limit that ran out, from the same value that armed the timer.
    switch (m_phase) {
    case Phase::Idle:
        return;
    case Phase::Status:
        return fail(
            Error::Kind::Timeout,
            QStringLiteral("cluster.sh status did not answer within %1").arg(seconds(m_timeouts.statusMs)));
    case Phase::Baseline:
        return fail(Error::Kind::Timeout,
                    QStringLiteral("the routed endpoint was not served by the primary within %1; check "
                                   "`cleardbctl sandbox status` and the HAProxy stats page")
                        .arg(seconds(m_timeouts.baselineMs)));
    case Phase::AwaitFailover:
        return fail(Error::Kind::Timeout,
                    (m_result.failover.atMs == 0
                         ? QStringLiteral("no failover was detected within %1 of killing the primary")
                         : QStringLiteral("the routed endpoint never moved to the secondary within %1; "
                                          "check HAProxy's health checks"))
                        .arg(seconds(m_timeouts.failoverMs)));
    case Phase::Restart:
        return fail(Error::Kind::Timeout,
                    QStringLiteral("the primary did not come back within %1; see its error.log")
                        .arg(seconds(m_timeouts.restartMs)));
    case Phase::AwaitFailback:
        return fail(Error::Kind::Timeout,
                    (m_synced ? QStringLiteral("no failback within %1 of restarting the primary")
                              : QStringLiteral("the masters did not re-synchronize within %1"))
                        .arg(seconds(m_timeouts.failbackMs)));
    }
}

void FailoverDrill::fail(Error::Kind kind, const QString &message)
{
    fail(makeError(kind, message));
}

void FailoverDrill::fail(Error error)
{
    m_timeout.stop();
    if (m_monitor)
        m_monitor->stop();
    const bool needsRestart = m_result.killedAtMs != 0 && !m_restartRequested;
    m_phase = Phase::Idle;
    if (needsRestart) {
        // Never leave the sandbox with a dead primary behind.
        error.message += QStringLiteral(" (the primary is being restarted)");
        m_restartRequested = true;
        m_cluster->start();
    }
    m_result.outcome = std::move(error);
    Q_EMIT finished(m_result);
}
