// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QThread;

// Runs one worker QObject in its own thread for as long as this object lives. Destruction never
// blocks the caller (the GUI thread): the worker is deleted in its own thread once its current job
// returns (every job is bounded by the driver's connect/read/write timeouts), then the thread ends
// and deletes itself.
class SqlWorkerThread
{
public:
    // Takes ownership of `worker` (which must have no parent) and starts the thread.
    explicit SqlWorkerThread(QObject *worker);
    ~SqlWorkerThread();
    SqlWorkerThread(const SqlWorkerThread &) = delete;
    SqlWorkerThread &operator=(const SqlWorkerThread &) = delete;

    QObject *worker() const { return m_worker; }

    // Blocks until every worker thread whose SqlWorkerThread was destroyed has ended, at most `timeoutMs`.
    // Main thread only (SqlWorkerThread objects are created and destroyed there too).
    // Only for command-line programs about to return from main(): a worker still closing its MySQL
    // connection while the process unloads the driver crashes. Never call it from the GUI thread.
    static bool waitForFinishedThreads(int timeoutMs);

private:
    QThread *m_thread = nullptr;
    QPointer<QObject> m_worker;
};
