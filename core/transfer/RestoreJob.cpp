// SPDX-License-Identifier: MIT
#include "transfer/RestoreJob.h"

#include "transfer/ChildErrorText.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/ClientQuery.h"
#include "transfer/DumpFileReader.h"
#include "transfer/MariaDbTools.h"
#include "transfer/TargetObjects.h"

#include <QTimer>

namespace {
constexpr qsizetype ReadChunk = 256 * 1024;
// What may wait in the pipe to the client: enough to keep it busy, small enough to keep memory flat.
constexpr qint64 MaxPending = 1024 * 1024;
constexpr int ProgressIntervalMs = 100;
} // namespace

RestoreJob::RestoreJob(const QString &inputPath, const DatabaseEndpoint &target, Mode mode, QObject *parent)
    : QObject(parent), m_inputPath(inputPath), m_target(target), m_mode(mode)
{
    connect(&m_process, &QProcess::bytesWritten, this, &RestoreJob::pump);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::finished, this, &RestoreJob::clientExited);
    connect(&m_process, &ClientProcess::failedToStart, this, [this](const Error &error) { finish(error); });
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
    m_inspection = new ClientQuery(m_target, TargetObjects::query(), this);
    connect(m_inspection, &ClientQuery::finished, this, &RestoreJob::inspected);
    m_inspection->start();
}

void RestoreJob::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    if (m_inspection)
        m_inspection->cancel();
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill(); // clientExited() reports the cancel and the target's state
}

void RestoreJob::inspected()
{
    ClientQuery *query = m_inspection;
    m_inspection = nullptr;
    query->deleteLater();
    if (m_cancelled) {
        finish(makeError(
            Error::Kind::Cancelled,
            QStringLiteral("Restore cancelled before loading: %1 is unchanged.").arg(m_target.label())));
        return;
    }
    if (!query->status()) {
        finish(query->status().error());
        return;
    }
    const TargetObjects objects = TargetObjects::fromRows(query->rows());
    if (!objects.isEmpty() && m_mode != Mode::Replace) {
        finish(
            makeError(Error::Kind::Conflict,
                      QStringLiteral("The target %1 is not empty (%2): nothing was changed. Restore into an "
                                     "empty database, or ask to replace its contents.")
                          .arg(m_target.label(), objects.summary())));
        return;
    }
    m_replacing = !objects.isEmpty();
    startLoad(m_replacing ? objects.dropScript() : QByteArray());
}

void RestoreJob::startLoad(const QByteArray &prelude)
{
    const QString program = MariaDbTools::clientProgram();
    if (program.isEmpty()) {
        finish(makeError(Error::Kind::Unsupported,
                         MariaDbTools::notInstalledMessage(QStringLiteral("mariadb"))));
        return;
    }
    Result<std::unique_ptr<ClientOptionFile>> file = ClientOptionFile::create(m_target);
    if (!file) {
        finish(file.error());
        return;
    }
    m_optionFile = std::move(file.value());
    m_sinceProgress.start();
    m_process.start(program, MariaDbTools::restoreArguments(m_optionFile->argument(), m_target.database));
    if (!prelude.isEmpty())
        m_process.write(prelude);
    pump();
}

void RestoreJob::pump()
{
    if (m_inputDone || m_finished || !m_reader)
        return;
    while (!m_inputDone && m_process.bytesToWrite() < MaxPending) {
        Result<QByteArray> chunk = m_reader->read(ReadChunk);
        QByteArray filtered;
        if (!chunk) {
            m_readError = chunk.error();
            m_inputDone = true;
            m_process.kill();
            return;
        }
        if (chunk->isEmpty()) {
            m_filter.finish(filtered);
            m_process.write(filtered);
            m_process.closeWriteChannel();
            m_inputDone = true;
            break;
        }
        m_filter.feed(*chunk, filtered);
        m_process.write(filtered);
    }
    m_progress.bytesDone = m_reader->position();
    if (m_sinceProgress.elapsed() >= ProgressIntervalMs) {
        m_sinceProgress.restart();
        Q_EMIT progress(m_progress);
    }
}

QString RestoreJob::partialStateMessage() const
{
    return QStringLiteral("%1 may be partly loaded%2: run the restore again with replace to complete it.")
        .arg(m_target.label(),
             m_replacing ? QStringLiteral(" and its previous contents are dropped") : QString());
}

void RestoreJob::clientExited(int code, QProcess::ExitStatus exitStatus)
{
    if (m_cancelled) {
        finish(
            makeError(Error::Kind::Cancelled, QStringLiteral("Restore cancelled: ") + partialStateMessage()));
        return;
    }
    if (!m_readError) {
        Error error = m_readError.error();
        error.message += QLatin1Char(' ') + partialStateMessage();
        finish(error);
        return;
    }
    if (exitStatus != QProcess::NormalExit || code != 0 || !m_inputDone) {
        Error error = ChildErrorText::toError(QStringLiteral("Restore into %1 failed").arg(m_target.label()),
                                              m_process.errorOutput(), m_target.password);
        error.message += QStringLiteral(". ") + partialStateMessage();
        finish(error);
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
    m_optionFile.reset();
    m_reader.reset();
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}
