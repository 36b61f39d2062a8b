// SPDX-License-Identifier: MIT
#include "transfer/DumpJob.h"

#include "transfer/DumpFileWriter.h"

#include <QTimer>

DumpJob::DumpJob(const DatabaseEndpoint &source, const QString &outputPath, QObject *parent)
    : QObject(parent), m_source(source), m_outputPath(outputPath), m_stream(source)
{
    connect(&m_stream, &DumpStream::prepared, this, &DumpJob::prepared);
    connect(&m_stream, &DumpStream::chunk, this, &DumpJob::write);
    connect(&m_stream, &DumpStream::progressed, this, &DumpJob::progress);
    connect(&m_stream, &DumpStream::finished, this, &DumpJob::dumped);
}

DumpJob::~DumpJob() = default;

void DumpJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_stream.prepare();
}

void DumpJob::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    m_stream.cancel(); // prepared() or dumped() reports the cancel
}

void DumpJob::prepared(const Status &status)
{
    if (m_cancelled) {
        finish(makeError(Error::Kind::Cancelled, QStringLiteral("Dump cancelled: no file was written.")));
        return;
    }
    if (!status) {
        finish(status);
        return;
    }
    Result<std::unique_ptr<DumpFileWriter>> writer = DumpFileWriter::open(m_outputPath);
    if (!writer) {
        finish(writer.error());
        return;
    }
    m_writer = std::move(writer.value());
    m_stream.start();
}

void DumpJob::write(const QByteArray &sql)
{
    if (!m_writer || !m_writeError)
        return;
    m_writeError = m_writer->write(sql);
    if (!m_writeError)
        m_stream.cancel(); // dumped() reports the write error
}

void DumpJob::dumped(const Status &status)
{
    if (m_cancelled) {
        finish(makeError(Error::Kind::Cancelled,
                         QStringLiteral("Dump cancelled: the partial file was removed, %1 is unchanged.")
                             .arg(m_outputPath)));
        return;
    }
    if (!m_writeError) {
        finish(m_writeError);
        return;
    }
    finish(status ? m_writer->commit() : status);
}

void DumpJob::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_writer.reset(); // an uncommitted dump is removed here
    // Reported from the event loop, so a caller that connected after start() still hears it.
    QTimer::singleShot(0, this, [this] {
        m_reported = true;
        Q_EMIT finished();
    });
}
