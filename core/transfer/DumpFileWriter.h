// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryFile>

#include <memory>

struct z_stream_s;

// Writes a dump to PATH, gzip-compressed (zlib, streaming: memory stays flat) when PATH ends in ".gz".
// The bytes go to a private (0600) temporary file beside PATH; commit() renames it into place, so
// PATH never holds half a dump, and destroying an uncommitted writer (cancel, failure) removes it.
// (On Linux, Qt creates that file unnamed with O_TMPFILE and names it only at commit: even a crash
// leaves nothing behind.)
class DumpFileWriter
{
public:
    static Result<std::unique_ptr<DumpFileWriter>> open(const QString &path);
    ~DumpFileWriter();

    Status write(const QByteArray &data);
    Status commit();
    QString temporaryPath() const { return m_file.fileName(); }
    bool isCompressed() const { return m_zlib != nullptr; }

private:
    DumpFileWriter() = default;
    Status deflateInto(int flush);
    Status ioError() const;

    QString m_path;
    QTemporaryFile m_file;
    z_stream_s *m_zlib = nullptr;
    QByteArray m_out;
};
