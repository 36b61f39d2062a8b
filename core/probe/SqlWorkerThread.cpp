// SPDX-License-Identifier: MIT
#include "probe/SqlWorkerThread.h"

#include <QDeadlineTimer>
#include <QList>
#include <QThread>

namespace {
// Threads told to quit (see waitForFinishedThreads()). Their QThread objects live in the main thread and
// are deleted there (deleteLater), so a QPointer read in the main thread cannot dangle.
QList<QPointer<QThread>> g_ending;
} // namespace

SqlWorkerThread::SqlWorkerThread(QObject *worker) : m_thread(new QThread), m_worker(worker)
{
    m_thread->setObjectName(QStringLiteral("cleardb-sql-worker"));
    worker->moveToThread(m_thread);
    // QThread deletes deferred-delete objects of its own when it finishes, so the worker (and with it
    // any MySQL connection) is destroyed in the thread that created the connection.
    QObject::connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

SqlWorkerThread::~SqlWorkerThread()
{
    g_ending.removeAll(QPointer<QThread>());
    g_ending.append(m_thread);
    m_thread->quit();
}

bool SqlWorkerThread::waitForFinishedThreads(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    bool all = true;
    // wait() returns once the thread has also deleted its worker (and closed the worker's connection).
    for (const QPointer<QThread> &thread : std::as_const(g_ending)) {
        if (thread)
            all = thread->wait(deadline) && all;
    }
    return all;
}
