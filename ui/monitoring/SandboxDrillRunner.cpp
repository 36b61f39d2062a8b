// SPDX-License-Identifier: MIT
#include "monitoring/SandboxDrillRunner.h"

#include "sandbox/SandboxCluster.h"

SandboxDrillRunner::SandboxDrillRunner(QObject *parent) : QObject(parent) {}

bool SandboxDrillRunner::isAvailable()
{
    return !SandboxCluster::locateScript().isEmpty();
}

void SandboxDrillRunner::cancel()
{
    if (m_drill)
        m_drill->cancel();
}

void SandboxDrillRunner::discard()
{
    delete m_last;
}

QString SandboxDrillRunner::start(int intervalMs)
{
    if (isRunning())
        return tr("A failover drill is already running.");
    const QString script = SandboxCluster::locateScript();
    if (script.isEmpty())
        return tr(
            "The failover drill needs scripts/sandbox/cluster.sh; set CLEARDB_SANDBOX_SCRIPT to its path "
            "and restart the console.");
    discard();
    if (!m_cluster) {
        m_cluster = new SandboxCluster(script, SandboxCluster::sandboxDir(), 0, this);
    }
    m_drill = new FailoverDrill(m_cluster, nullptr, this);
    m_drill->setIntervalMs(intervalMs);
    // Straight from the drill, which announces each monitor it creates (also one that replaces another
    // before the kill), so the view shows every sample from the first.
    connect(m_drill, &FailoverDrill::monitorStarted, this, &SandboxDrillRunner::monitorStarted);
    connect(m_drill, &FailoverDrill::progressed, this, &SandboxDrillRunner::progressed);
    connect(m_drill, &FailoverDrill::finished, this, [this](const DrillResult &result) {
        m_last = m_drill;
        m_drill.clear();
        Q_EMIT finished(result);
    });
    m_drill->start();
    return QString();
}
