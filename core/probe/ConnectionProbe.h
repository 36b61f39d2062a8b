// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

class QHostInfo;
struct SqlOutcome;
class SqlProbeWorker;
class SqlWorkerThread;

// Connects to a MySQL server the way a client does and times every stage on its own: DNS (QHostInfo),
// then, on one connection in a worker thread (MariaDbConnection), TCP connect, the server greeting
// (MySQL handshake v10), TLS (SSLRequest then a TLS handshake on the same socket, whenever the server
// offers it), the login and a first query. The TLS card describes that same connection, the one that
// carried the password. Every failure is attributed to its stage with the server's error code and a
// plain explanation. All of it is asynchronous: start() returns at once, stageFinished() reports
// progress and finished() delivers the one ProbeResult. Nothing hangs: each stage has a timeout.
//
//     auto *probe = new ConnectionProbe(this);
//     connect(probe, &ConnectionProbe::finished, this, [](const ProbeResult &r) { ... });
//     probe->start(target);
//
// It opens one connection per probe (it counts once against max_user_connections) and never writes.
class ConnectionProbe : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    // Starts a probe; a probe still running is abandoned (its result is never delivered).
    void start(const ProbeTarget &target);
    void abort();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void stageFinished(const StageTiming &timing);
    void finished(const ProbeResult &result);

private:
    void fail(const ProbeError &error);
    void complete();
    void onLookedUp(const QHostInfo &info);
    void onGuardTimeout();
    void ensureWorker();
    void onWorkerStage(quint64 ticket, const StageTiming &timing);
    void onWorkerFinished(quint64 ticket, const SqlOutcome &outcome);

    ProbeTarget m_target;
    ProbeResult m_result;
    bool m_running = false;
    ProbeStage m_stage = ProbeStage::None; // the stage running in this thread (DNS) or last reported
    QElapsedTimer m_totalTimer;
    QElapsedTimer m_dnsTimer;
    QTimer m_guard;
    int m_lookupId = -1;
    quint64 m_ticket = 0;
    SqlProbeWorker *m_worker = nullptr;
    std::unique_ptr<SqlWorkerThread> m_sqlThread;
};
