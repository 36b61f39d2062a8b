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
    // The orderly end of a program, called by both main()s once their event loop has returned: asks
    // every worker thread, still owned or not, to quit and waits for all of them, at most `timeoutMs`
    // in total. Returns false when one is still busy then (stuck in a driver call); the caller must not
    // then unload the driver under it (see the main()s). Main thread only.
    static bool quitAllAndWait(int timeoutMs);

private:
    QPointer<QThread> m_thread; // null once quitAllAndWait() ended it and the event loop deleted it
    QPointer<QObject> m_worker;
};
