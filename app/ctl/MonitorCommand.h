// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "DatabaseTargetArgument.h"
#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"

#include <QList>
#include <QMap>

class FailoverMonitor;

// `cleardbctl monitor (URL | --app APP [--var VAR]) [--interval MS] [--duration S] [--mode new|persistent]
// [--primary URL --secondary URL] [--samples]`: watches a database for failover with a FailoverMonitor.
// Prints failover/failback (and outage) events as they happen and a summary at the end (after --duration
// seconds, or on Ctrl-C / SIGTERM). --json prints JSON lines: {"type":"event",...}, with --samples also
// {"type":"sample",...}, and a final {"type":"summary",...}. Exit 0 when the run ended as planned.
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
    FailoverMonitor *m_monitor = nullptr;
    QList<double> m_latencies; // of answered samples, for the summary
    int m_samples = 0;
    int m_failedSamples = 0;
    QMap<QString, int> m_eventCounts;
    QMap<qint64, int> m_answersByServer; // routed endpoint
};
