// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/DrillResult.h"
#include "monitor/FailoverDrill.h"

#include <QObject>
#include <QPointer>

class FailoverMonitor;
class SandboxCluster;

// Runs FailoverDrill on the local sandbox cluster for the Monitor view: finds scripts/sandbox/cluster.sh
// (SandboxCluster::locateScript()), uses the cluster in $CLEARDB_SANDBOX_DIR or the default runtime
// directory (as cleardbctl does), reports each monitor the drill creates (FailoverDrill::monitorStarted)
// so its samples can be shown live, and keeps the finished drill (and so its monitor's data) until the next
// one or discard(). It never decides whether a drill is allowed: the view only offers it in the sandbox.
class SandboxDrillRunner : public QObject
{
    Q_OBJECT
public:
    explicit SandboxDrillRunner(QObject *parent = nullptr);

    static bool isAvailable();
    // Starts a drill; returns an empty string, or one line saying why it cannot start.
    QString start(int intervalMs);
    bool isRunning() const { return m_drill != nullptr; }
    // Stops the running drill (see FailoverDrill::cancel()); finished() follows at once.
    void cancel();
    // Drops the last finished drill and its data.
    void discard();

Q_SIGNALS:
    void monitorStarted(FailoverMonitor *monitor);
    void progressed(const QString &step);
    void finished(const DrillResult &result);

private:
    SandboxCluster *m_cluster = nullptr;
    QPointer<FailoverDrill> m_drill;
    QPointer<FailoverDrill> m_last;
};
