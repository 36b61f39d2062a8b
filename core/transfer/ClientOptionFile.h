// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/DatabaseEndpoint.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryFile>

#include <memory>

// The login of one endpoint as a MySQL option file for the mariadb and mariadb-dump clients, so the
// password never appears on a command line (argv is readable by every local user through ps and
// /proc/PID/cmdline) nor in the child's environment. The file is created 0600 in the temporary
// directory and removed when this object is destroyed.
//
//     Result<std::unique_ptr<ClientOptionFile>> file = ClientOptionFile::create(endpoint);
//     args << QStringLiteral("--defaults-file=") + (*file)->path();   // must be the first argument
//
// It is meant for --defaults-file, not --defaults-extra-file: with the extra file the client still
// reads ~/.my.cnf after it, and a [client] password or host there would silently win over ours.
class ClientOptionFile
{
public:
    static Result<std::unique_ptr<ClientOptionFile>> create(const DatabaseEndpoint &endpoint);
    // The file's text: a [client] group with every value quoted and escaped as MySQL's option file
    // reader (mysys my_default.c) unescapes it.
    static QByteArray render(const DatabaseEndpoint &endpoint);
    static QByteArray quoted(const QString &value);

    QString path() const { return m_file.fileName(); }
    // The argument that points a client at this file.
    QString argument() const { return QStringLiteral("--defaults-file=") + path(); }

private:
    ClientOptionFile() = default;
    QTemporaryFile m_file;
};
