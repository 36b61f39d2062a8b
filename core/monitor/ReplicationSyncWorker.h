// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"
#include "probe/ProbeTarget.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>

// Lives in a worker thread (SqlWorkerThread). Waits until two MariaDB masters have applied each other's
// binary log: for each direction it reads the source's @@gtid_binlog_pos, keeps the source's own GTID
// domain (the sandbox gives every master gtid-domain-id = server_id) and runs MASTER_GTID_WAIT() on the
// replica, which returns 0 once the replica's SQL thread has applied that position and -1 on timeout.
// Read-only: it never writes anything.
class ReplicationSyncWorker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Keeps only the GTIDs of `domain` from a "D-S-N,D-S-N" position list (MariaDB's format).
    static QString positionsOfDomain(const QString &positions, qint64 domain);

    // What one row of SHOW SLAVE STATUS says is wrong, for a message: a stopped replication thread and
    // its error (the statement text cut off: it may hold data), or an empty string when both run.
    static QString replicationTrouble(const QStringList &columns, const QVariantList &row);

public Q_SLOTS:
    void waitForSync(quint64 ticket, const ProbeTarget &first, const ProbeTarget &second, int timeoutMs);

Q_SIGNALS:
    void synced(quint64 ticket, const ProbeError &error);
};
