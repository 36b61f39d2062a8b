// SPDX-License-Identifier: MIT
#include "fleet/FleetProber.h"

#include "probe/UrlProbeTarget.h"
#include "usage/UsageReader.h"

#include <QTimer>

FleetProber::FleetProber(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<UsageReading>();
}

FleetProber::~FleetProber()
{
    abort();
}

void FleetProber::setConcurrency(int concurrency)
{
    m_concurrency = qBound(1, concurrency, MaxConcurrency);
}

void FleetProber::add(int row, const Secret &url)
{
    const QString key = url.reveal();
    auto it = m_databases.find(key);
    if (it != m_databases.end()) {
        it->rows << row;
        if (it->done)
            emitLater({row}, it->reading);
        else if (m_busy.key(key) != nullptr)
            Q_EMIT readingStarted({row});
        return;
    }
    const Result<ProbeTarget> target = UrlProbeTarget::fromText(key, QStringLiteral("fleet"));
    if (!target) {
        // Not a URL we can connect to: said at once, without a connection, in DatabaseUrl's words.
        Database &db = m_databases[key];
        db.rows << row;
        db.done = true;
        db.reading.error =
            ProbeError::make(ProbeStage::None, ProbeError::Kind::InvalidTarget, target.error().message);
        emitLater(db.rows, db.reading);
        return;
    }
    m_databases[key].rows << row;
    m_queue << key;
    pump();
}

void FleetProber::emitLater(const QList<int> &rows, const UsageReading &reading)
{
    // Asynchronous like a real read, so a caller's add() never re-enters its own slot.
    ++m_pendingEmits;
    QTimer::singleShot(0, this, [this, rows, reading, generation = m_generation] {
        if (generation != m_generation)
            return;
        --m_pendingEmits;
        Q_EMIT readingFinished(rows, reading);
    });
}

void FleetProber::pump()
{
    while (!m_queue.isEmpty() && m_busy.size() < m_concurrency)
        launch(m_queue.takeFirst());
}

void FleetProber::launch(const QString &key)
{
    UsageReader *reader = m_idle.isEmpty() ? nullptr : m_idle.takeLast();
    if (!reader) {
        reader = new UsageReader(this);
        connect(reader, &UsageReader::finished, this,
                [this, reader](const UsageReading &reading) { onReaderFinished(reader, reading); });
    }
    m_busy.insert(reader, key);
    m_peak = qMax(m_peak, int(m_busy.size()));
    ProbeTarget target = UrlProbeTarget::fromText(key, QStringLiteral("fleet")).value();
    target.timeoutMs = m_timeoutMs;
    Q_EMIT readingStarted(m_databases.value(key).rows);
    reader->start(target);
}

void FleetProber::onReaderFinished(UsageReader *reader, const UsageReading &reading)
{
    const QString key = m_busy.take(reader);
    m_idle << reader;
    auto it = m_databases.find(key);
    if (it != m_databases.end()) {
        it->done = true;
        it->reading = reading; // for rows that share this URL and arrive later
        const QList<int> rows = it->rows;
        pump();
        Q_EMIT readingFinished(rows, reading);
        return;
    }
    pump();
}

void FleetProber::abort()
{
    ++m_generation;
    m_pendingEmits = 0;
    m_queue.clear();
    m_databases.clear();
    // Deleting a reader drops its answer; its thread ends once the driver call it is in returns.
    const QList<UsageReader *> readers = m_idle + m_busy.keys();
    m_idle.clear();
    m_busy.clear();
    qDeleteAll(readers);
}
