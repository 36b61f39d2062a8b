// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeTarget.h"
#include "usage/UsageReading.h"

#include <QObject>

// Lives in a SqlWorkerThread (see UsageReader) and does the blocking part: one login, the catalog and
// status reads of DatabaseUsage::read, then closes the connection before reporting, so the connection
// it counted against the user's limit is gone by the time anyone acts on the figures.
class UsageWorker : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void read(quint64 ticket, const ProbeTarget &target);

Q_SIGNALS:
    void finished(quint64 ticket, const UsageReading &reading);
};
