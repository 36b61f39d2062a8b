// SPDX-License-Identifier: MIT
#include "transfer/CopyJob.h"

#include <QTimer>

CopyJob::CopyJob(const DatabaseEndpoint &source, const DatabaseEndpoint &target, Mode mode, QObject *parent)
    : QObject(parent), m_source(source), m_target(target), m_stream(source),
      m_loader(target, mode, QStringLiteral("copy"))
{
    connect(&m_stream, &DumpStream::prepared, this, &CopyJob::sourceChecked);
    connect(&m_stream, &DumpStream::chunk, this, &CopyJob::forward);
    connect(&m_stream, &DumpStream::progressed, this, &CopyJob::progress);
    connect(&m_stream, &DumpStream::finished, this, &CopyJob::dumped);
    connect(&m_loader, &TargetLoader::inspected, this, &CopyJob::targetChecked);
    connect(&m_loader, &TargetLoader::bytesWritten, this, &CopyJob::targetRead);
    connect(&m_loader, &TargetLoader::finished, this, &CopyJob::loaded);
}

CopyJob::~CopyJob() = default;

void CopyJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_stream.prepare();
}

void CopyJob::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    if (!m_loader.isLoading()) {
        // Still checking: the check in progress reports the cancel, the target unchanged.
        m_stream.cancel();
        m_loader.cancel();
        return;
    }
    fail(makeError(Error::Kind::Cancelled,
                   QStringLiteral("Copy cancelled: ") + m_loader.partialStateMessage()));
}

bool CopyJob::stoppedBeforeLoading(const Status &status)
{
    if (m_cancelled)
        finish(makeError(Error::Kind::Cancelled,
                         QStringLiteral("Copy cancelled: %1 is unchanged.").arg(m_target.label())));
    else if (!status)
        finish(status);
    return m_cancelled || !status;
}

void CopyJob::sourceChecked(const Status &status)
{
    if (!stoppedBeforeLoading(status))
        m_loader.inspect();
}

void CopyJob::targetChecked(const Status &status)
{
    if (stoppedBeforeLoading(status))
        return;
    m_loader.start();
    m_stream.start();
}

void CopyJob::forward(const QByteArray &sql)
{
    m_loader.write(sql);
    m_peakBuffered = qMax(m_peakBuffered, m_loader.pending());
    if (m_loader.pending() >= BufferLimit && !m_stream.isPaused()) {
        m_stream.setPaused(true);
        ++m_pauses;
    }
}

void CopyJob::targetRead()
{
    if (m_stream.isPaused() && m_loader.pending() < BufferLimit / 2)
        m_stream.setPaused(false);
}

void CopyJob::dumped(const Status &status)
{
    m_dumpDone = true;
    if (status)
        m_loader.closeInput();
    else if (m_failure)
        fail(makeError(status.error().kind,
                       status.error().message + QStringLiteral(". ") + m_loader.partialStateMessage()));
    settle();
}

void CopyJob::loaded(const Status &status)
{
    m_loadDone = true;
    if (!status && m_failure)
        fail(status.error()); // its message already says what state the target is in
    settle();
}

void CopyJob::fail(const Error &error)
{
    if (m_failure) // the first failure is the one to report; what follows is its consequence
        m_failure = error;
    m_stream.cancel();
    m_loader.cancel();
}

void CopyJob::settle()
{
    // Both children have ended: the dump's output was all read or dropped, the client exited.
    if (m_dumpDone && m_loadDone)
        finish(m_failure);
}

void CopyJob::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    QTimer::singleShot(0, this, [this] {
        m_reported = true;
        Q_EMIT finished();
    });
}
