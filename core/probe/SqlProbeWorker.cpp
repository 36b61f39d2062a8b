// SPDX-License-Identifier: MIT
#include "probe/SqlProbeWorker.h"

#include "probe/SqlSession.h"

SqlProbeWorker::SqlProbeWorker(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ProbeTarget>();
    qRegisterMetaType<SqlOutcome>();
    qRegisterMetaType<StageTiming>();
}

SqlProbeWorker::~SqlProbeWorker() = default;

void SqlProbeWorker::probe(quint64 ticket, const ProbeTarget &target, const QString &address)
{
    SqlOutcome outcome;
    SqlSession session;
    MariaDbConnection::Login login;
    const auto report = [this, ticket, &outcome](const StageTiming &timing) {
        outcome.stages.append(timing);
        Q_EMIT stageFinished(ticket, timing);
    };
    outcome.error = session.open(target, address, &login, report);
    outcome.server = login.server;
    outcome.tls = login.tls;
    if (!outcome.error.isError()) {
        outcome.error = session.identify(&outcome.server, &outcome.queryMs);
        report(StageTiming{ProbeStage::Query, outcome.queryMs, !outcome.error.isError()});
    }
    outcome.authMs = login.stages.isEmpty() ? -1 : login.stages.last().ms;
    Q_EMIT identified(ticket, outcome);
}

void SqlProbeWorker::identify(quint64 ticket, const ProbeTarget &target, bool keepOpen)
{
    SqlOutcome outcome;
    if (keepOpen && m_session && m_session->isOpen()) {
        outcome.reusedConnection = true;
    } else {
        m_session = std::make_unique<SqlSession>();
        outcome.error = m_session->open(target, &outcome.authMs);
    }
    if (!outcome.error.isError())
        outcome.error = m_session->identify(&outcome.server, &outcome.queryMs);
    // A failed connection is never reused: the next call logs in again (after a router failover or
    // ClearDB's idle kill the old socket is dead anyway).
    if (!keepOpen || outcome.error.isError())
        m_session.reset();
    Q_EMIT identified(ticket, outcome);
}

void SqlProbeWorker::closeSession()
{
    m_session.reset();
}

void SqlProbeWorker::preloadDriver()
{
    SqlSession::preloadDriver();
}
