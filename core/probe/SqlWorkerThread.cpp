// SPDX-License-Identifier: MIT
#include "probe/SqlWorkerThread.h"

#include <QThread>

SqlWorkerThread::SqlWorkerThread(QObject *worker) : m_thread(new QThread), m_worker(worker)
{
    m_thread->setObjectName(QStringLiteral("cleardb-sql-worker"));
    worker->moveToThread(m_thread);
    // QThread deletes deferred-delete objects of its own when it finishes, so the worker (and with it
    // any QSqlDatabase connection) is destroyed in the thread that created the connection.
    QObject::connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    m_thread->start();
}

SqlWorkerThread::~SqlWorkerThread()
{
    m_thread->quit();
}
