// SPDX-License-Identifier: MIT
#include "probe/ConnectionProbe.h"

#include "probe/SqlProbeWorker.h"
#include "probe/SqlWorkerThread.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHostInfo>
#include <algorithm>
#include <limits>

namespace {
// The worker bounds each of its stages (TCP, greeting, TLS, login, query) by the target's timeout;
// this guard only catches a worker that never answers.
constexpr int kWorkerStages = 5;
} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent) : QObject(parent)
{
    m_guard.setSingleShot(true);
    connect(&m_guard, &QTimer::timeout, this, &ConnectionProbe::onGuardTimeout);
}

ConnectionProbe::~ConnectionProbe()
{
    abort();
}

void ConnectionProbe::start(const ProbeTarget &target)
{
    abort();
    m_target = target;
    m_result = ProbeResult();
    m_result.target = target.redacted();
    m_result.startedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_running = true;
    m_totalTimer.start();
    const Status valid = target.validate();
    if (!valid) {
        // Report asynchronously like every other outcome, so callers can connect after start(). The
        // ticket (abort() moved it on) makes a start() before then abandon this report too.
        QTimer::singleShot(0, this, [this, ticket = m_ticket, invalid = valid.error().message] {
            if (ticket == m_ticket)
                fail(ProbeError::make(ProbeStage::None, ProbeError::Kind::InvalidTarget, invalid));
        });
        return;
    }
    ensureWorker();
    m_stage = ProbeStage::Dns;
    m_dnsTimer.start();
    m_guard.start(target.timeoutMs);
    const QHostAddress literal(target.host);
    if (!literal.isNull()) {
        // An IP address needs no lookup; QHostInfo would still start its thread pool for it (several ms
        // on a cold process). Deliver it on the event loop like a lookup so callers see the same order.
        // Negative ids never collide with QHostInfo's own (which count up from 1) and are never aborted.
        static int literalIds = -1;
        if (literalIds == std::numeric_limits<int>::min())
            literalIds = -1;
        m_lookupId = --literalIds;
        QHostInfo info(m_lookupId);
        info.setHostName(target.host);
        info.setAddresses({literal});
        QTimer::singleShot(0, this, [this, info] { onLookedUp(info); });
        return;
    }
    m_lookupId = QHostInfo::lookupHost(target.host, this, &ConnectionProbe::onLookedUp);
}

void ConnectionProbe::abort()
{
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    m_lookupId = -1;
    ++m_ticket; // an answer still on its way from the worker is ignored
    m_guard.stop();
    m_running = false;
    m_stage = ProbeStage::None;
}

void ConnectionProbe::fail(const ProbeError &error)
{
    if (!m_running)
        return;
    if (m_stage == ProbeStage::Dns) {
        m_result.stages.append(StageTiming{ProbeStage::Dns, m_dnsTimer.nsecsElapsed() / 1e6, false});
        Q_EMIT stageFinished(m_result.stages.last());
    }
    m_result.error = error;
    complete();
}

void ConnectionProbe::complete()
{
    m_result.totalMs = m_totalTimer.nsecsElapsed() / 1e6;
    const ProbeResult result = m_result;
    abort();
    Q_EMIT finished(result);
}

void ConnectionProbe::onGuardTimeout()
{
    fail(ProbeError::make(
        m_stage, ProbeError::Kind::Timeout,
        QStringLiteral("no answer within %1 ms (a firewall dropping packets, or an overloaded "
                       "server or router)")
            .arg(m_target.timeoutMs)));
}

void ConnectionProbe::onLookedUp(const QHostInfo &info)
{
    if (info.lookupId() != m_lookupId || m_stage != ProbeStage::Dns)
        return;
    m_lookupId = -1;
    QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        fail(ProbeError::make(
            ProbeStage::Dns, ProbeError::Kind::UnknownHost,
            QStringLiteral("unknown host: '%1' does not resolve; check the host name in the URL")
                .arg(m_target.host),
            info.errorString(), 2005));
        return;
    }
    m_result.stages.append(StageTiming{ProbeStage::Dns, m_dnsTimer.nsecsElapsed() / 1e6, true});
    Q_EMIT stageFinished(m_result.stages.last());
    // MySQL servers (and our sandbox) often listen on IPv4 only while "localhost" resolves to ::1 first.
    std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &a) {
        return a.protocol() == QAbstractSocket::IPv4Protocol;
    });
    m_stage = ProbeStage::Tcp;
    m_guard.start(kWorkerStages * m_target.timeoutMs + 1000);
    const quint64 ticket = ++m_ticket;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, ticket, target = m_target, address = addresses.first().toString()] {
            worker->probe(ticket, target, address);
        });
}

void ConnectionProbe::ensureWorker()
{
    if (m_sqlThread)
        return;
    m_worker = new SqlProbeWorker;
    connect(m_worker, &SqlProbeWorker::stageFinished, this, &ConnectionProbe::onWorkerStage);
    connect(m_worker, &SqlProbeWorker::identified, this, &ConnectionProbe::onWorkerFinished);
    m_sqlThread = std::make_unique<SqlWorkerThread>(m_worker);
    // Thread start and library initialisation overlap the DNS stage instead of delaying the connection
    // after it (a first probe in a process, like `cleardbctl probe`, pays both).
    QMetaObject::invokeMethod(m_worker, &SqlProbeWorker::preloadDriver);
}

void ConnectionProbe::onWorkerStage(quint64 ticket, const StageTiming &timing)
{
    if (ticket != m_ticket || !m_running)
        return;
    m_stage = timing.stage;
    m_result.stages.append(timing);
    Q_EMIT stageFinished(timing);
}

void ConnectionProbe::onWorkerFinished(quint64 ticket, const SqlOutcome &outcome)
{
    if (ticket != m_ticket || !m_running)
        return;
    m_stage = ProbeStage::None;
    m_result.server = outcome.server;
    m_result.tls = outcome.tls;
    m_result.error = outcome.error;
    complete();
}
