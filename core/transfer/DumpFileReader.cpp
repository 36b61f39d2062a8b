// SPDX-License-Identifier: MIT
#include "transfer/DumpFileReader.h"

#include <zlib.h>

namespace {
constexpr qint64 InChunk = 64 * 1024;
}

Result<std::unique_ptr<DumpFileReader>> DumpFileReader::open(const QString &path)
{
    std::unique_ptr<DumpFileReader> reader(new DumpFileReader);
    reader->m_path = path;
    reader->m_file.setFileName(path);
    if (!reader->m_file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::NotFound,
                         QStringLiteral("Cannot read %1: check the file name.").arg(path),
                         reader->m_file.errorString());
    reader->m_size = reader->m_file.size();
    const QByteArray magic = reader->m_file.peek(2);
    if (magic == QByteArray("\x1f\x8b", 2)) {
        reader->m_zlib = new z_stream{};
        if (inflateInit2(reader->m_zlib, 15 + 16) != Z_OK) {
            delete reader->m_zlib;
            reader->m_zlib = nullptr;
            return makeError(Error::Kind::Io, QStringLiteral("Could not start gzip decompression."));
        }
    }
    return reader;
}

qint64 DumpFileReader::estimatedSqlBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const qint64 size = file.size();
    if (file.peek(2) != QByteArray("\x1f\x8b", 2) || size < 18)
        return size;
    // ISIZE: the last four bytes of a gzip member, the uncompressed length modulo 2^32, little-endian.
    if (!file.seek(size - 4))
        return size;
    const QByteArray tail = file.read(4);
    if (tail.size() != 4)
        return size;
    quint32 recorded = 0;
    for (int i = 3; i >= 0; --i)
        recorded = (recorded << 8) | quint8(tail.at(i));
    // gzip never grows data by more than a few bytes per 16 KiB, so a recorded size well below the
    // file's own wrapped past 4 GiB (SQL compresses 3 to 10 times): take the smallest size that fits.
    qint64 sql = recorded;
    while (sql < size - size / 100)
        sql += qint64(1) << 32;
    return sql;
}

DumpFileReader::~DumpFileReader()
{
    if (m_zlib) {
        inflateEnd(m_zlib);
        delete m_zlib;
    }
}

Error DumpFileReader::corrupt(const QString &detail) const
{
    return makeError(
        Error::Kind::InvalidInput,
        QStringLiteral("%1 is not a complete gzip file: it may be truncated or damaged.").arg(m_path),
        detail);
}

Result<QByteArray> DumpFileReader::read(qsizetype maximum)
{
    if (m_atEnd)
        return QByteArray();
    if (!m_zlib) {
        QByteArray chunk = m_file.read(maximum);
        if (chunk.isEmpty())
            m_atEnd = true;
        return chunk;
    }
    QByteArray out(maximum, Qt::Uninitialized);
    m_zlib->next_out = reinterpret_cast<Bytef *>(out.data());
    m_zlib->avail_out = uInt(maximum);
    while (m_zlib->avail_out > 0) {
        if (m_zlib->avail_in == 0) {
            m_in = m_file.read(InChunk);
            if (m_in.isEmpty())
                break;
            m_zlib->next_in = reinterpret_cast<Bytef *>(m_in.data());
            m_zlib->avail_in = uInt(m_in.size());
        }
        const int rc = inflate(m_zlib, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            // Another member may follow (RFC 1952 allows several); otherwise this is the end.
            if (m_zlib->avail_in == 0 && m_file.atEnd()) {
                m_atEnd = true;
                break;
            }
            inflateReset(m_zlib);
            continue;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return corrupt(QString::fromLatin1(m_zlib->msg ? m_zlib->msg : "inflate failed"));
        if (rc == Z_BUF_ERROR && m_zlib->avail_in == 0 && m_file.atEnd())
            break;
    }
    out.resize(maximum - qsizetype(m_zlib->avail_out));
    if (out.isEmpty() && !m_atEnd) {
        if (m_file.atEnd() && m_zlib->avail_in == 0)
            return corrupt(QStringLiteral("unexpected end of file"));
    }
    return out;
}
