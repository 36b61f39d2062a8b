// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "SandboxOptions.h"

class FailoverDrill;
class SandboxCluster;
struct DrillResult;

// `cleardbctl drill [--interval MS] [--count N] [--dir DIR]`: a failover drill on the sandbox cluster only
// (FailoverDrill: SIGKILL the primary, watch failover, restart it, wait for re-synchronisation and
// failback). Prints the steps on stderr, the monitor's events as they happen and the detection times;
// --json prints one DrillResult object per drill, one per line. Exit 1 if a drill failed.
class DrillCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    // Ends the SQL worker threads before main() returns (see SqlWorkerThread::waitForFinishedThreads).
    ~DrillCommand() override;

    QString name() const override { return QStringLiteral("drill"); }
    QString summary() const override
    {
        return QStringLiteral("Kill the sandbox primary and time failover and failback detection.");
    }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    void onFinished(const DrillResult &result);

    SandboxOptions::Location m_sandbox;
    int m_intervalMs = 250;
    int m_count = 1;
    int m_done = 0;
    SandboxCluster *m_cluster = nullptr;
    FailoverDrill *m_drill = nullptr;
};
