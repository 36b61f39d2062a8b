// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

// Which running consoles use one sandbox cluster, so the last one to go stops it
// and nobody stops it under another. Each owner is a file DIR/owners/<pid> holding
// the process's start time, which tells a live owner from a reused pid. No lock is
// held: each console adds or removes only its own file, and a console that quits
// counts the others after removing its own.
//
//     SandboxOwners owners(clusterDir);
//     if (!owners.isManaged() && clusterRunning) { /* the user's own cluster: use it, never stop it */ }
//     owners.join();                       // before starting or using the cluster
//     ...
//     if (owners.leave()) cluster->stop(); // the last live owner stops it
//
// A cluster with an owners folder but no live owner lost its console to a crash:
// the next console joins (adopts it) and, being its only owner, stops it on quit.
// The window between a last owner's leave() and its stop is closed by the newcomer
// running cluster.sh start after join(): the script serialises actions on its
// lock, so a stop that was already decided is followed by a restart.
class SandboxOwners
{
public:
    explicit SandboxOwners(const QString &clusterDir, qint64 pid = -1);

    // Consoles have owned this cluster (the owners folder exists), live or not.
    bool isManaged() const;
    // Owners whose process still runs (this one included once joined).
    QList<qint64> liveOwners() const;
    Status join();
    bool isJoined() const { return m_joined; }
    // Removes this process; true when no live owner is left, in which case the
    // records of dead ones and the folder go too (the cluster is about to stop).
    bool leave();

    // The start time of `pid` as the kernel counts it (clock ticks since boot), or
    // an empty string when the process does not run or is a zombie.
    static QString processStartTime(qint64 pid);

private:
    QString ownersDir() const;

    QString m_clusterDir;
    qint64 m_pid;
    bool m_joined = false;
};
