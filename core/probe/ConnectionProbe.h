// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QTimer>
#include <memory>

class QHostInfo;
class QSslSocket;
struct SqlOutcome;
class SqlProbeWorker;
class SqlWorkerThread;

// Connects to a MySQL server the way a client does and times every stage on its own:
// DNS (QHostInfo), TCP connect, the server greeting (MySQL handshake v10), TLS (SSLRequest then
// a TLS handshake on the same socket), then login and a first query through Qt's QMYSQL driver in a
// worker thread. Every failure is attributed to its stage with the server's error code and a plain
// explanation. All of it is asynchronous: start() returns at once, stageFinished() reports progress
// and finished() delivers the one ProbeResult. Nothing hangs: each stage has a timeout.
//
//     auto *probe = new ConnectionProbe(this);
//     connect(probe, &ConnectionProbe::finished, this, [](const ProbeResult &r) { ... });
//     probe->start(target);
//
// It opens two connections (a raw one for greeting/TLS, the driver's for login), so it counts twice
// against max_user_connections for a moment. It never writes anything.
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
    void beginStage(ProbeStage stage, int timeoutMs);
    void endStage(bool ok);
    void fail(const ProbeError &error);
    void complete();
    void cleanupSocket();

    void onLookedUp(const QHostInfo &info);
    void onConnected();
    void onReadyRead();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void onStageTimeout();
    void startTls(quint32 serverCapabilities);
    void ensureWorker();
    void startSql();
    void onSqlIdentified(quint64 ticket, const SqlOutcome &outcome);

    ProbeTarget m_target;
    ProbeResult m_result;
    bool m_running = false;
    ProbeStage m_stage = ProbeStage::None;
    QElapsedTimer m_totalTimer;
    QElapsedTimer m_stageTimer;
    QTimer m_stageTimeout;
    int m_lookupId = -1;
    QSslSocket *m_socket = nullptr;
    QByteArray m_buffer;
    QList<QSslError> m_sslErrors;
    quint64 m_ticket = 0;
    SqlProbeWorker *m_worker = nullptr;
    std::unique_ptr<SqlWorkerThread> m_sqlThread;
};
