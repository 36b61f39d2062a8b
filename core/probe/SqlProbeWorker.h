// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QObject>
#include <memory>

class SqlSession;

// What a login + first query produced. authMs is -1 when an open persistent connection was reused.
// `stages` and `tls` are filled by SqlProbeWorker::probe(), which times every stage of its one connection.
struct SqlOutcome
{
    double authMs = -1;
    double queryMs = -1;
    QList<StageTiming> stages;
    ServerIdentity server;
    TlsCard tls;
    ProbeError error;
    bool reusedConnection = false;
};
Q_DECLARE_METATYPE(SqlOutcome)

// Lives in a worker thread (see SqlWorkerThread) and does the blocking MySQL work there:
//  - probe(): one fresh connection to an address the caller resolved; TCP, greeting, TLS, login and the
//    identity query are timed on it, each reported by stageFinished() as it ends (ConnectionProbe);
//  - identify(): log in and run the identity query, either on a fresh connection each time or on one
//    kept open between calls (the failover monitor's persistent mode).
// Requests are matched to answers by a ticket.
class SqlProbeWorker : public QObject
{
    Q_OBJECT
public:
    explicit SqlProbeWorker(QObject *parent = nullptr);
    ~SqlProbeWorker() override;

public Q_SLOTS:
    void probe(quint64 ticket, const ProbeTarget &target, const QString &address);
    // keepOpen: reuse the open connection if there is one, and keep it open afterwards.
    void identify(quint64 ticket, const ProbeTarget &target, bool keepOpen);
    void closeSession();
    // Initialises the MySQL client library ahead of the first login (see SqlSession::preloadDriver).
    void preloadDriver();

Q_SIGNALS:
    void stageFinished(quint64 ticket, const StageTiming &timing);
    void identified(quint64 ticket, const SqlOutcome &outcome);

private:
    std::unique_ptr<SqlSession> m_session;
};
