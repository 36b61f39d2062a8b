// SPDX-License-Identifier: MIT
#include "transfer/DumpFileWriter.h"

#include <QFileInfo>

#include <cstdio>
#include <zlib.h>

namespace {
constexpr int OutChunk = 64 * 1024;
}

Result<std::unique_ptr<DumpFileWriter>> DumpFileWriter::open(const QString &path)
{
    std::unique_ptr<DumpFileWriter> writer(new DumpFileWriter);
    writer->m_path = path;
    writer->m_file.setFileTemplate(path + QStringLiteral(".partial-XXXXXX"));
    if (!writer->m_file.open())
        return makeError(Error::Kind::Io,
                         QStringLiteral("Cannot write %1: choose a folder you can write to.").arg(path),
                         writer->m_file.errorString());
    if (path.endsWith(QStringLiteral(".gz"), Qt::CaseInsensitive)) {
        writer->m_zlib = new z_stream{};
        // windowBits 15 + 16: a gzip wrapper (RFC 1952) rather than raw zlib.
        if (deflateInit2(writer->m_zlib, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
            Z_OK) {
            delete writer->m_zlib;
            writer->m_zlib = nullptr;
            return makeError(Error::Kind::Io, QStringLiteral("Could not start gzip compression."));
        }
    }
    return writer;
}

DumpFileWriter::~DumpFileWriter()
{
    if (m_zlib) {
        deflateEnd(m_zlib);
        delete m_zlib;
    }
    // QTemporaryFile removes the file unless commit() took it.
}

Status DumpFileWriter::ioError() const
{
    return makeError(Error::Kind::Io, QStringLiteral("Writing %1 failed: check the free space.").arg(m_path),
                     m_file.errorString());
}

Status DumpFileWriter::deflateInto(int flush)
{
    m_out.resize(OutChunk);
    do {
        m_zlib->next_out = reinterpret_cast<Bytef *>(m_out.data());
        m_zlib->avail_out = OutChunk;
        const int rc = deflate(m_zlib, flush);
        if (rc == Z_STREAM_ERROR)
            return makeError(Error::Kind::Io, QStringLiteral("gzip compression failed."));
        const qint64 produced = OutChunk - qint64(m_zlib->avail_out);
        if (produced > 0 && m_file.write(m_out.constData(), produced) != produced)
            return ioError();
        if (flush == Z_FINISH && rc == Z_STREAM_END)
            break;
    } while (m_zlib->avail_out == 0 || (flush == Z_FINISH));
    return {};
}

Status DumpFileWriter::write(const QByteArray &data)
{
    if (data.isEmpty())
        return {};
    if (!m_zlib)
        return m_file.write(data) == data.size() ? Status() : ioError();
    m_zlib->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    m_zlib->avail_in = uInt(data.size());
    return deflateInto(Z_NO_FLUSH);
}

Status DumpFileWriter::commit()
{
    if (m_zlib) {
        m_zlib->next_in = nullptr;
        m_zlib->avail_in = 0;
        const Status finished = deflateInto(Z_FINISH);
        if (!finished)
            return finished;
    }
    if (!m_file.flush())
        return ioError();
    const QString temporary = m_file.fileName();
    m_file.close();
    // rename(2) replaces an older file of that name atomically; QFile::rename would refuse.
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0)
        return makeError(Error::Kind::Io,
                         QStringLiteral("Could not move the finished dump to %1.").arg(m_path));
    m_file.setAutoRemove(false);
    return {};
}
