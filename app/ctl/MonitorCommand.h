// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "DatabaseTargetArgument.h"
#include "monitor/FailoverMonitor.h"
#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"

#include <QList>
#include <QMap>

// `cleardbctl monitor (URL | --app APP [--var VAR]) [--interval MS] [--duration S] [--mode new|persistent]
// [--primary URL --secondary URL [--canary [--canary-interval S]]] [--samples]`: watches a database for
// failover with a FailoverMonitor. Prints failover/failback (and outage) events as they happen and a
// summary at the end (after --duration seconds, or on Ctrl-C / SIGTERM). --json prints JSON lines:
// {"type":"event",...}, with --samples also {"type":"sample",...}, and a final {"type":"summary",...}.
// --canary is the user's consent to the replication-lag canary, which writes to their database (table
// CanaryWorker::tableName(), through the primary): each measurement is an event ("replication-lag" with
// "lagMs", or "canary-failed"). It needs both masters' URLs; the routed one cannot tell them apart.
// Exit 0 when the run ended as planned.
class MonitorCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    // Ends the SQL worker threads before main() returns (see SqlWorkerThread::waitForFinishedThreads).
    ~MonitorCommand() override;

    QString name() const override { return QStringLiteral("monitor"); }
    QString summary() const override
    {
        return QStringLiteral("Probe a database on a schedule and report failover and failback.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return m_where.needsToken(); }
    void start() override;

private:
    void onSample(const MonitorSample &sample);
    void onEvent(const MonitorEvent &event);
    void finish();

    DatabaseTargetArgument m_where;
    QString m_primaryUrl;
    QString m_secondaryUrl;
    int m_intervalMs = 1000;
    int m_durationS = 0;
    bool m_persistent = false;
    bool m_printSamples = false;
    bool m_canary = false;
    int m_canaryIntervalS = FailoverMonitor::kDefaultCanaryIntervalMs / 1000;
    FailoverMonitor *m_monitor = nullptr;
    QList<double> m_latencies; // of answered samples, for the summary
    int m_samples = 0;
    int m_failedSamples = 0;
    QMap<QString, int> m_eventCounts;
    QMap<qint64, int> m_answersByServer; // routed endpoint
    QList<double> m_lags;                // the canary's measurements, for the summary
};
