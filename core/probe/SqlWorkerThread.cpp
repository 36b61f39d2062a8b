// SPDX-License-Identifier: MIT
#include "probe/SqlWorkerThread.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QThread>

#include <mysql.h>
#include <openssl/crypto.h>

namespace {

// The thread's event loop, then the end of everything the thread holds, before wait() returns:
// the worker (and with it its MySQL connection) is deleted here, in the thread that created the
// connection, and then the per-thread state of Connector/C and OpenSSL (random generators made by
// the TLS handshake) is released. OpenSSL would otherwise free that state as the thread exits,
// after wait() returned, racing the program's exit: a command-line run leaks it at random.
class SqlThread : public QThread
{
public:
    explicit SqlThread(QObject *worker) : m_worker(worker) {}

protected:
    void run() override
    {
        exec();
        delete m_worker.data();
        // Whatever the worker's destructor handed to deleteLater() goes now too, not after this.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        mysql_thread_end();
        OPENSSL_thread_stop();
    }

private:
    QPointer<QObject> m_worker;
};
// Every worker thread started, and the subset already told to quit by their owner. The QThread objects
// live in the main thread and are deleted there (deleteLater), so a QPointer read in the main thread
// cannot dangle.
QList<QPointer<QThread>> g_started;
QList<QPointer<QThread>> g_ending;

bool waitFor(const QList<QPointer<QThread>> &threads, const QDeadlineTimer &deadline)
{
    bool all = true;
    // wait() returns once the thread has also deleted its worker (and closed the worker's connection).
    for (const QPointer<QThread> &thread : threads) {
        if (thread)
            all = thread->wait(deadline) && all;
    }
    return all;
}

// When the application object goes (the GUI is gone by then, so a bounded wait blocks nobody): every
// worker thread still around is ended and its QThread deleted. Otherwise a thread that finished after
// the last turn of the event loop keeps its QThread, whose deleteLater() never ran, until the process
// exits, and with it Qt's per-thread data.
void endAllAtExit()
{
    SqlWorkerThread::quitAllAndWait(5000);
    // A thread still stuck in a driver call keeps its QThread: deleting a running QThread aborts.
    for (const QPointer<QThread> &thread : std::as_const(g_started)) {
        if (thread && thread->isFinished())
            delete thread.data();
    }
    g_started.clear();
    g_ending.clear();
}
} // namespace

SqlWorkerThread::SqlWorkerThread(QObject *worker) : m_thread(new SqlThread(worker)), m_worker(worker)
{
    m_thread->setObjectName(QStringLiteral("cleardb-sql-worker"));
    worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    if (g_started.isEmpty())
        qAddPostRoutine(endAllAtExit);
    g_started.removeAll(QPointer<QThread>());
    g_started.append(m_thread);
    m_thread->start();
}

SqlWorkerThread::~SqlWorkerThread()
{
    // Null when quitAllAndWait() ended the thread and the event loop then deleted it.
    if (!m_thread)
        return;
    g_ending.removeAll(QPointer<QThread>());
    g_ending.append(m_thread);
    m_thread->quit();
}

bool SqlWorkerThread::waitForFinishedThreads(int timeoutMs)
{
    return waitFor(g_ending, QDeadlineTimer(timeoutMs));
}

bool SqlWorkerThread::quitAllAndWait(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // A job in progress finishes first (quit() only ends the event loop between jobs); every job is
    // bounded by the driver's timeouts, and this wait by the deadline.
    for (const QPointer<QThread> &thread : std::as_const(g_started)) {
        if (thread)
            thread->quit();
    }
    return waitFor(g_started, deadline);
}
