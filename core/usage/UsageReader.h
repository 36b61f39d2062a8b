// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeTarget.h"
#include "usage/UsageReading.h"

#include <QObject>
#include <QTimer>
#include <memory>

class SqlWorkerThread;
class UsageWorker;

// Reads what one database uses (DatabaseUsage) without blocking the caller: the login and the
// information_schema reads run in a SqlWorkerThread, and finished() delivers one UsageReading.
//
//     auto *reader = new UsageReader(this);
//     connect(reader, &UsageReader::finished, this, [](const UsageReading &r) { ... });
//     reader->start(target);
//
// It holds one connection at a time (it counts once against max_user_connections, and it closes it
// before reporting). start() while a read runs abandons that read: its answer is never delivered. A
// worker that never answers (a driver call stuck past its own timeouts) is given up after a guard
// of a few stage timeouts, with a Timeout error. Never writes.
class UsageReader : public QObject
{
    Q_OBJECT
public:
    explicit UsageReader(QObject *parent = nullptr);
    ~UsageReader() override;

    void start(const ProbeTarget &target);
    void abort();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const UsageReading &reading);

private:
    void onWorkerFinished(quint64 ticket, const UsageReading &reading);
    void report(const UsageReading &reading);

    std::unique_ptr<SqlWorkerThread> m_thread;
    UsageWorker *m_worker = nullptr;
    QTimer m_guard;
    quint64 m_ticket = 0;
    bool m_running = false;
};
