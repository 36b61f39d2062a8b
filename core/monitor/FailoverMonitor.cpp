// SPDX-License-Identifier: MIT
#include "monitor/FailoverMonitor.h"

#include "monitor/Clock.h"
#include "monitor/MonitorReport.h"
#include "probe/ConnectionProbe.h"
#include "probe/SqlProbeWorker.h"
#include "probe/SqlWorkerThread.h"

#include <algorithm>

namespace {
// Events are rare (a few per incident); this only guards against a flapping endpoint over days.
constexpr int kMaxEvents = 10000;
} // namespace

struct FailoverMonitor::Watch
{
    QString role;
    ProbeTarget target;
    bool busy = false;
    qint64 startedAtMs = 0;
    QElapsedTimer elapsed;
    quint64 ticket = 0;
    std::unique_ptr<ConnectionProbe> probe;
    SqlProbeWorker *worker = nullptr;
    std::unique_ptr<SqlWorkerThread> thread;
};

FailoverMonitor::FailoverMonitor(const Clock *clock, QObject *parent)
    : QObject(parent), m_clock(clock ? clock : Clock::system())
{
    qRegisterMetaType<CanaryResult>();
    connect(&m_timer, &QTimer::timeout, this, &FailoverMonitor::tick);
    connect(&m_canaryTimer, &QTimer::timeout, this, [this] {
        // A Conflict (the last one still runs) skips this turn; the others cannot happen on the schedule.
        static_cast<void>(measureReplicationLag());
    });
}

FailoverMonitor::~FailoverMonitor() = default;

FailoverMonitor::Watch *FailoverMonitor::watch(const QString &role) const
{
    for (const auto &w : m_watches) {
        if (w->role == role)
            return w.get();
    }
    return nullptr;
}

void FailoverMonitor::setTarget(const QString &role, const ProbeTarget &target)
{
    m_watches.erase(std::remove_if(m_watches.begin(), m_watches.end(),
                                   [&role](const std::unique_ptr<Watch> &w) { return w->role == role; }),
                    m_watches.end());
    auto w = std::make_unique<Watch>();
    w->role = role;
    w->target = target;
    w->target.label = role;
    Watch *raw = w.get();
    w->probe = std::make_unique<ConnectionProbe>();
    connect(w->probe.get(), &ConnectionProbe::finished, this,
            [this, raw](const ProbeResult &result) { onProbeFinished(raw, result); });
    w->worker = new SqlProbeWorker;
    connect(
        w->worker, &SqlProbeWorker::identified, this,
        [this, raw](quint64 ticket, const SqlOutcome &outcome) { onPersistentAnswer(raw, ticket, outcome); });
    w->thread = std::make_unique<SqlWorkerThread>(w->worker);
    m_watches.push_back(std::move(w));
    updateCanarySchedule();
}

void FailoverMonitor::clearTargets()
{
    m_watches.clear();
    m_detector.reset();
    updateCanarySchedule();
}

void FailoverMonitor::setIntervalMs(int ms)
{
    m_interval = qBound(kMinIntervalMs, ms, kMaxIntervalMs);
    if (m_timer.isActive())
        m_timer.setInterval(m_interval);
}

void FailoverMonitor::setMode(Mode mode)
{
    m_mode = mode;
}

void FailoverMonitor::setCapacity(int samples)
{
    m_samples = SampleBuffer(samples);
}

void FailoverMonitor::start()
{
    m_timer.start(m_interval);
    tick();
    updateCanarySchedule();
}

void FailoverMonitor::stop()
{
    m_timer.stop();
    updateCanarySchedule();
    if (m_canaryBusy) {
        ++m_canaryTicket; // its result is dropped: the run it belonged to is over
        m_canaryBusy = false;
    }
    for (const auto &w : m_watches) {
        w->probe->abort();
        ++w->ticket; // a persistent answer still on its way is dropped
        w->busy = false;
        QMetaObject::invokeMethod(w->worker, &SqlProbeWorker::closeSession);
    }
}

void FailoverMonitor::tick()
{
    for (const auto &w : m_watches) {
        if (!w->busy)
            launch(w.get());
    }
}

void FailoverMonitor::launch(Watch *w)
{
    w->busy = true;
    w->startedAtMs = m_clock->nowMs();
    w->elapsed.start();
    if (m_mode == Mode::NewConnection) {
        w->probe->start(w->target);
        return;
    }
    const quint64 ticket = ++w->ticket;
    QMetaObject::invokeMethod(w->worker, [worker = w->worker, ticket, target = w->target] {
        worker->identify(ticket, target, true);
    });
}

void FailoverMonitor::onProbeFinished(Watch *w, const ProbeResult &result)
{
    MonitorSample s;
    s.ok = result.ok() && result.server.answered;
    s.serverId = result.server.serverId;
    s.latencyMs = result.totalMs;
    s.errorStage = result.error.stage;
    s.errorCode = result.error.code;
    s.errorKind = result.error.kindName();
    s.message = result.error.toString();
    record(w, s);
}

void FailoverMonitor::onPersistentAnswer(Watch *w, quint64 ticket, const SqlOutcome &outcome)
{
    if (ticket != w->ticket)
        return;
    MonitorSample s;
    s.ok = !outcome.error.isError() && outcome.server.answered;
    s.serverId = outcome.server.serverId;
    s.latencyMs = w->elapsed.nsecsElapsed() / 1e6;
    s.reusedConnection = outcome.reusedConnection;
    s.errorStage = outcome.error.stage;
    s.errorCode = outcome.error.code;
    s.errorKind = outcome.error.kindName();
    s.message = outcome.error.toString();
    record(w, s);
}

void FailoverMonitor::record(Watch *w, MonitorSample sample)
{
    w->busy = false;
    if (!m_timer.isActive())
        return; // stopped while the probe ran
    sample.target = w->role;
    sample.startedAtMs = w->startedAtMs;
    sample.atMs = m_clock->nowMs();
    m_samples.append(sample);
    Q_EMIT sampleRecorded(sample);
    const QList<MonitorEvent> events = m_detector.addSample(sample);
    for (const MonitorEvent &event : events) {
        appendEvent(event);
        if (event.kind == MonitorEvent::Kind::Failover)
            Q_EMIT failoverDetected(event);
        else if (event.kind == MonitorEvent::Kind::Failback)
            Q_EMIT failbackDetected(event);
    }
}

void FailoverMonitor::appendEvent(const MonitorEvent &event)
{
    if (m_events.size() >= kMaxEvents)
        m_events.removeFirst();
    m_events.append(event);
    Q_EMIT eventRecorded(event);
}

QByteArray FailoverMonitor::samplesCsv() const
{
    return MonitorReport::samplesToCsv(m_samples.samples(), m_events);
}

QByteArray FailoverMonitor::eventsCsv() const
{
    return MonitorReport::eventsToCsv(m_events);
}

QString FailoverMonitor::modeName(Mode mode)
{
    return mode == Mode::Persistent ? QStringLiteral("persistent") : QStringLiteral("new-connection");
}

QByteArray FailoverMonitor::toJson(const QJsonObject &about) const
{
    QJsonObject header{{QStringLiteral("intervalMs"), m_interval},
                       {QStringLiteral("mode"), modeName(m_mode)}};
    for (auto it = about.begin(); it != about.end(); ++it)
        header.insert(it.key(), it.value());
    return MonitorReport::toJson(m_samples.samples(), m_events, header);
}

Status FailoverMonitor::measureReplicationLag(int timeoutMs)
{
    if (!m_canaryConsent)
        return makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("the canary writes a row to table cleardb_console_canary; give consent "
                           "first"));
    const Watch *writer = watch(FailoverDetector::primaryTarget());
    const Watch *reader = watch(FailoverDetector::secondaryTarget());
    if (!writer || !reader)
        return makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("the canary needs both masters' URLs (primary and secondary targets)"));
    if (m_canaryBusy)
        return makeError(Error::Kind::Conflict,
                         QStringLiteral("a canary measurement is already running; wait for its result"));
    if (!m_canary) {
        m_canary = new CanaryWorker;
        connect(m_canary, &CanaryWorker::measured, this, &FailoverMonitor::onCanaryMeasured);
        m_canaryThread = std::make_unique<SqlWorkerThread>(m_canary);
    }
    m_canaryBusy = true;
    const quint64 ticket = ++m_canaryTicket;
    QMetaObject::invokeMethod(m_canary, [canary = m_canary, ticket, w = writer->target, r = reader->target,
                                         timeoutMs] { canary->measure(ticket, w, r, timeoutMs); });
    return {};
}

void FailoverMonitor::onCanaryMeasured(quint64 ticket, CanaryResult result)
{
    if (ticket != m_canaryTicket)
        return;
    m_canaryBusy = false;
    result.atMs = m_clock->nowMs();
    MonitorEvent event;
    event.atMs = result.atMs;
    // The row was written through the primary and proved on the secondary.
    event.target = FailoverDetector::secondaryTarget();
    event.fromServerId = result.writerServerId;
    event.toServerId = result.readerServerId;
    if (result.ok) {
        event.kind = MonitorEvent::Kind::ReplicationLag;
        event.lagMs = result.lagMs;
        event.detail = QStringLiteral("%1 ms until the canary row written on the primary was readable on "
                                      "the secondary")
                           .arg(result.lagMs, 0, 'f', 1);
    } else {
        event.kind = MonitorEvent::Kind::CanaryFailed;
        event.detail = result.error.toString();
    }
    appendEvent(event);
    Q_EMIT canaryMeasured(result);
}

void FailoverMonitor::setCanaryConsent(bool consent)
{
    m_canaryConsent = consent;
    updateCanarySchedule();
}

void FailoverMonitor::setCanaryIntervalMs(int ms)
{
    m_canaryInterval = ms <= 0 ? 0 : qBound(kMinCanaryIntervalMs, ms, kMaxCanaryIntervalMs);
    updateCanarySchedule();
}

void FailoverMonitor::updateCanarySchedule()
{
    const bool wanted = m_timer.isActive() && m_canaryConsent && m_canaryInterval > 0 &&
                        watch(FailoverDetector::primaryTarget()) &&
                        watch(FailoverDetector::secondaryTarget());
    if (!wanted) {
        m_canaryTimer.stop();
        return;
    }
    if (m_canaryTimer.isActive()) {
        m_canaryTimer.setInterval(m_canaryInterval);
        return;
    }
    m_canaryTimer.start(m_canaryInterval);
    // The first measurement at once, so a short run has one and the user sees it work.
    static_cast<void>(measureReplicationLag());
}
