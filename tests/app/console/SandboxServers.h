// SPDX-License-Identifier: MIT
#pragma once

// The processes of one sandbox cluster directory, found in /proc: its MariaDB
// servers (mariadbd --defaults-file=DIR/…) and HAProxy (haproxy -f DIR/…), and
// the heroku-sim children of a console. Zombies count as gone.
#include "TestProcesses.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QString>

namespace SandboxServers {

inline QByteArray readProc(qint64 pid, const char *file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool processGone(qint64 pid)
{
    return TestProcesses::isGone(pid);
}

inline QList<qint64> allPids()
{
    QList<qint64> pids;
    for (const QString &name :
         QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs))
        pids << name.toLongLong();
    return pids;
}

// mariadbd and haproxy processes whose command line names a file in `dir`.
inline QList<qint64> of(const QString &dir)
{
    QList<qint64> servers;
    const QByteArray inDir = dir.toUtf8() + '/';
    for (qint64 pid : allPids()) {
        const QByteArray comm = readProc(pid, "comm").trimmed();
        if (comm != "mariadbd" && comm != "haproxy")
            continue;
        if (readProc(pid, "cmdline").contains(inDir) && !processGone(pid))
            servers << pid;
    }
    return servers;
}

// The heroku-sim children of `parent` ("pid (comm) state ppid ..." in /proc/<pid>/stat).
inline QList<qint64> simChildrenOf(qint64 parent)
{
    QList<qint64> children;
    for (qint64 pid : allPids()) {
        const QByteArray line = readProc(pid, "stat");
        const int close = line.lastIndexOf(')');
        if (close < 0 || !line.contains("(heroku-sim)"))
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == parent && fields.at(0) != "Z")
            children << pid;
    }
    return children;
}

} // namespace SandboxServers
