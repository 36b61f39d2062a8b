// SPDX-License-Identifier: MIT
#include "transfer/verify/DatabaseVerifier.h"

#include "probe/SqlWorkerThread.h"
#include "transfer/verify/VerifyWorker.h"

DatabaseVerifier::DatabaseVerifier(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<VerifyOutcome>();
}

DatabaseVerifier::~DatabaseVerifier()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

bool DatabaseVerifier::start(const ProbeTarget &source, const ProbeTarget &target)
{
    if (m_running)
        return false;
    m_running = true;
    // One worker thread per run: a cancelled run may still be finishing a table when the next starts.
    if (m_cancelled)
        m_cancelled->store(true);
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_worker = new VerifyWorker(m_cancelled);
    connect(m_worker, &VerifyWorker::tableDone, this, &DatabaseVerifier::progressed);
    connect(m_worker, &VerifyWorker::finished, this, [this](const VerifyOutcome &outcome) {
        m_running = false;
        Q_EMIT finished(outcome);
    });
    m_thread = std::make_unique<SqlWorkerThread>(m_worker);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, source, target] { worker->run(source, target); });
    return true;
}

void DatabaseVerifier::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}
