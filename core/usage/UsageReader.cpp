// SPDX-License-Identifier: MIT
#include "usage/UsageReader.h"

#include "probe/SqlWorkerThread.h"
#include "usage/UsageWorker.h"

namespace {
// The worker bounds its login stages and each of its three statements by the target's timeout.
constexpr int kWorkerStages = 8;
} // namespace

UsageReader::UsageReader(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<UsageReading>();
    qRegisterMetaType<ProbeTarget>();
    m_guard.setSingleShot(true);
    connect(&m_guard, &QTimer::timeout, this, [this] {
        abort();
        // A stuck worker keeps its thread; the next read gets a fresh one.
        m_thread.reset();
        m_worker = nullptr;
        UsageReading reading;
        reading.error =
            ProbeError::make(ProbeStage::Query, ProbeError::Kind::Timeout,
                             QStringLiteral("the server stopped answering while its usage was "
                                            "read; try again, or probe it to see which stage hangs"));
        report(reading);
    });
}

UsageReader::~UsageReader()
{
    abort();
}

void UsageReader::start(const ProbeTarget &target)
{
    abort();
    m_running = true;
    const quint64 ticket = m_ticket;
    const Status valid = target.validate();
    if (!valid) {
        // Asynchronous like every other outcome, so a caller may connect after start().
        QTimer::singleShot(0, this, [this, ticket, message = valid.error().message] {
            if (ticket != m_ticket)
                return;
            UsageReading reading;
            reading.error = ProbeError::make(ProbeStage::None, ProbeError::Kind::InvalidTarget, message);
            report(reading);
        });
        return;
    }
    if (!m_thread) {
        m_worker = new UsageWorker;
        connect(m_worker, &UsageWorker::finished, this, &UsageReader::onWorkerFinished);
        m_thread = std::make_unique<SqlWorkerThread>(m_worker);
    }
    m_guard.start(target.timeoutMs * kWorkerStages);
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, ticket, target] { worker->read(ticket, target); });
}

void UsageReader::abort()
{
    ++m_ticket;
    m_guard.stop();
    m_running = false;
}

void UsageReader::onWorkerFinished(quint64 ticket, const UsageReading &reading)
{
    if (ticket != m_ticket || !m_running)
        return;
    report(reading);
}

void UsageReader::report(const UsageReading &reading)
{
    m_guard.stop();
    m_running = false;
    Q_EMIT finished(reading);
}
