// SPDX-License-Identifier: MIT
#include "usage/UsageWorker.h"

#include "probe/SqlSession.h"

#include <QElapsedTimer>

void UsageWorker::read(quint64 ticket, const ProbeTarget &target)
{
    QElapsedTimer timer;
    timer.start();
    UsageReading reading;
    {
        SqlSession session;
        reading.error = session.open(target);
        if (!reading.error.isError())
            reading.error = DatabaseUsage::read(session, &reading.usage);
    }
    reading.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    Q_EMIT finished(ticket, reading);
}
