// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <memory>

struct z_stream_s;

// Reads a dump file in chunks, plain or gzip (recognised by its magic bytes, not its name; several
// concatenated gzip members, as `cat a.gz b.gz` makes, read as one). Memory stays flat; position()
// counts the file's bytes consumed, against size(), for an exact progress bar.
class DumpFileReader
{
public:
    static Result<std::unique_ptr<DumpFileReader>> open(const QString &path);
    // About how much SQL the file holds, for a pre-flight: its size, or for a .gz the size gzip records
    // in its trailer (modulo 4 GiB, unwrapped to at least the compressed size). 0: unreadable.
    static qint64 estimatedSqlBytes(const QString &path);
    ~DumpFileReader();

    // Up to about `maximum` bytes of SQL; empty at the end.
    Result<QByteArray> read(qsizetype maximum);
    bool atEnd() const { return m_atEnd; }
    qint64 size() const { return m_size; }
    qint64 position() const { return m_file.pos(); }
    bool isCompressed() const { return m_zlib != nullptr; }

private:
    DumpFileReader() = default;
    Error corrupt(const QString &detail) const;

    QString m_path;
    QFile m_file;
    qint64 m_size = 0;
    bool m_atEnd = false;
    z_stream_s *m_zlib = nullptr;
    QByteArray m_in;
};
