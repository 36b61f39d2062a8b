// SPDX-License-Identifier: MIT
#include "transfer/RestoreJob.h"

#include "transfer/DumpFileReader.h"

#include <QTimer>

namespace {
constexpr qsizetype ReadChunk = 256 * 1024;
// What may wait in the pipe to the client: enough to keep it busy, small enough to keep memory flat.
constexpr qint64 MaxPending = 1024 * 1024;
constexpr int ProgressIntervalMs = 100;
} // namespace

RestoreJob::RestoreJob(const QString &inputPath, const DatabaseEndpoint &target, Mode mode, QObject *parent)
    : QObject(parent), m_inputPath(inputPath), m_target(target),
      m_loader(target, mode, QStringLiteral("restore"))
{
    connect(&m_loader, &TargetLoader::inspected, this, &RestoreJob::inspected);
    connect(&m_loader, &TargetLoader::bytesWritten, this, &RestoreJob::pump);
    connect(&m_loader, &TargetLoader::finished, this, &RestoreJob::loaded);
}

RestoreJob::~RestoreJob() = default;

void RestoreJob::start()
{
    if (m_started)
        return;
    m_started = true;
    Result<std::unique_ptr<DumpFileReader>> reader = DumpFileReader::open(m_inputPath);
    if (!reader) {
        finish(reader.error());
        return;
    }
    m_reader = std::move(reader.value());
    m_progress.bytesTotal = m_reader->size();
    m_loader.inspect();
}

void RestoreJob::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    m_loader.cancel(); // inspected() or loaded() reports the cancel and the target's state
}

void RestoreJob::inspected(const Status &status)
{
    if (m_cancelled) {
        finish(makeError(
            Error::Kind::Cancelled,
            QStringLiteral("Restore cancelled before loading: %1 is unchanged.").arg(m_target.label())));
        return;
    }
    if (!status) {
        finish(status);
        return;
    }
    m_sinceProgress.start();
    m_loader.start();
    pump();
}

void RestoreJob::pump()
{
    if (m_inputDone || m_finished || !m_reader)
        return;
    while (!m_inputDone && m_loader.pending() < MaxPending) {
        Result<QByteArray> chunk = m_reader->read(ReadChunk);
        QByteArray filtered;
        if (!chunk) {
            m_readError = chunk.error();
            m_inputDone = true;
            m_loader.cancel();
            return;
        }
        if (chunk->isEmpty()) {
            m_filter.finish(filtered);
            m_loader.write(filtered);
            m_loader.closeInput();
            m_inputDone = true;
            break;
        }
        m_filter.feed(*chunk, filtered);
        m_loader.write(filtered);
    }
    m_progress.bytesDone = m_reader->position();
    if (m_sinceProgress.elapsed() >= ProgressIntervalMs) {
        m_sinceProgress.restart();
        Q_EMIT progress(m_progress);
    }
}

void RestoreJob::loaded(const Status &status)
{
    if (m_cancelled) {
        finish(makeError(Error::Kind::Cancelled,
                         QStringLiteral("Restore cancelled: ") + m_loader.partialStateMessage()));
        return;
    }
    if (!m_readError) {
        Error error = m_readError.error();
        error.message += QLatin1Char(' ') + m_loader.partialStateMessage();
        finish(error);
        return;
    }
    if (!status) {
        finish(status);
        return;
    }
    m_progress.bytesDone = m_progress.bytesTotal;
    Q_EMIT progress(m_progress);
    finish({});
}

void RestoreJob::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_reader.reset();
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}
