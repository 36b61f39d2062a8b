// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"
#include "probe/ProbeTarget.h"

#include <QMetaType>
#include <QObject>

// Replication lag measured by the canary: a row written through one master, seen on the other.
struct CanaryResult
{
    qint64 atMs = 0; // wall clock when the measurement finished (set by the monitor)
    bool ok = false;
    double lagMs = -1; // from the write's commit to the row being readable on the other master
    qint64 writerServerId = -1;
    qint64 readerServerId = -1;
    ProbeError error;
};
Q_DECLARE_METATYPE(CanaryResult)

// Lives in a worker thread. Writes one row into `cleardb_console_canary` (creating that table if
// needed) through the writer, polls the reader until the row is there, then deletes its row.
// It never reads or writes any other table. Only run it with the user's consent: it writes to their database.
class CanaryWorker : public QObject
{
    Q_OBJECT
public:
    static QString tableName() { return QStringLiteral("cleardb_console_canary"); }

    using QObject::QObject;

public Q_SLOTS:
    void measure(quint64 ticket, const ProbeTarget &writer, const ProbeTarget &reader, int timeoutMs);

Q_SIGNALS:
    void measured(quint64 ticket, const CanaryResult &result);
};
