// SPDX-License-Identifier: MIT
#include "sandbox/SandboxOwners.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

SandboxOwners::SandboxOwners(const QString &clusterDir, qint64 pid)
    : m_clusterDir(clusterDir), m_pid(pid >= 0 ? pid : QCoreApplication::applicationPid())
{
}

QString SandboxOwners::ownersDir() const
{
    return m_clusterDir + QStringLiteral("/owners");
}

bool SandboxOwners::isManaged() const
{
    return QFileInfo(ownersDir()).isDir();
}

QString SandboxOwners::processStartTime(qint64 pid)
{
#ifdef Q_OS_LINUX
    // proc(5): "pid (comm) state ppid ..."; comm may hold spaces and ')', so fields count from the
    // last ')'. After it: state is field 3, starttime field 22.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20 || fields.at(0) == "Z" || fields.at(0) == "X")
        return {};
    return QString::fromLatin1(fields.at(19));
#elif defined(Q_OS_UNIX)
    // Without /proc there is no start time to compare: a running pid counts as alive.
    return ::kill(pid_t(pid), 0) == 0 ? QStringLiteral("alive") : QString();
#else
    Q_UNUSED(pid);
    return {};
#endif
}

QList<qint64> SandboxOwners::liveOwners() const
{
    QList<qint64> live;
    const QDir dir(ownersDir());
    for (const QString &name : dir.entryList(QDir::Files)) {
        bool isNumber = false;
        const qint64 pid = name.toLongLong(&isNumber);
        if (!isNumber || pid <= 0)
            continue;
        QFile record(dir.filePath(name));
        if (!record.open(QIODevice::ReadOnly))
            continue;
        const QString recorded = QString::fromLatin1(record.readAll()).trimmed();
        const QString now = processStartTime(pid);
        // Our own record needs no start time (platforms without one).
        if (pid == m_pid || (!now.isEmpty() && now == recorded))
            live << pid;
    }
    return live;
}

Status SandboxOwners::join()
{
    if (!QDir().mkpath(ownersDir()))
        return makeError(Error::Kind::Io, QCoreApplication::translate(
                                              "SandboxOwners", "could not create %1; check its permissions")
                                              .arg(ownersDir()));
    QSaveFile record(ownersDir() + QLatin1Char('/') + QString::number(m_pid));
    if (!record.open(QIODevice::WriteOnly) || record.write(processStartTime(m_pid).toLatin1() + '\n') < 0 ||
        !record.commit())
        return makeError(Error::Kind::Io, QCoreApplication::translate(
                                              "SandboxOwners", "could not write %1; check its permissions")
                                              .arg(record.fileName()));
    m_joined = true;
    return {};
}

bool SandboxOwners::leave()
{
    if (!m_joined)
        return false;
    m_joined = false;
    QDir dir(ownersDir());
    dir.remove(QString::number(m_pid));
    const QList<qint64> others = liveOwners();
    if (!others.isEmpty())
        return false;
    dir.removeRecursively();
    return true;
}
