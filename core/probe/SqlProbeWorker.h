// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QObject>
#include <memory>

class SqlSession;

// What the login + first query produced. authMs is -1 when an open persistent connection was reused.
struct SqlOutcome
{
    double authMs = -1;
    double queryMs = -1;
    ServerIdentity server;
    ProbeError error;
    bool reusedConnection = false;
};
Q_DECLARE_METATYPE(SqlOutcome)

// Lives in a worker thread (see SqlWorkerThread) and does the blocking QMYSQL work there: logs in
// and runs the identity query, either on a fresh connection each time or on one kept open between
// calls (the failover monitor's persistent mode). Requests are matched to answers by a ticket.
class SqlProbeWorker : public QObject
{
    Q_OBJECT
public:
    explicit SqlProbeWorker(QObject *parent = nullptr);
    ~SqlProbeWorker() override;

public Q_SLOTS:
    // keepOpen: reuse the open connection if there is one, and keep it open afterwards.
    void identify(quint64 ticket, const ProbeTarget &target, bool keepOpen);
    void closeSession();
    // Loads the MySQL driver ahead of the first login (see SqlSession::preloadDriver).
    void preloadDriver();

Q_SIGNALS:
    void identified(quint64 ticket, const SqlOutcome &outcome);

private:
    std::unique_ptr<SqlSession> m_session;
};
