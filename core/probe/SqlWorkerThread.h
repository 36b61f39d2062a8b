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

private:
    QThread *m_thread = nullptr;
    QPointer<QObject> m_worker;
};
