// SPDX-License-Identifier: MIT
#include "sandbox/UnixProcessControl.h"

#include "sandbox/UnsupportedProcessControl.h"

#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/types.h>

namespace {
QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}
} // namespace

Status UnixProcessControl::supported() const
{
    if (!QFile::exists(QStringLiteral("/proc/self/cmdline")))
        return UnsupportedProcessControl::unsupported();
    return {};
}

Result<QByteArray> UnixProcessControl::commandLine(qint64 pid) const
{
    if (pid <= 0)
        return makeError(Error::Kind::InvalidInput, QStringLiteral("pid %1 is not a process id").arg(pid));
    if (Status s = supported(); !s)
        return s.error();
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::NotFound, QStringLiteral("no process %1 is running").arg(pid),
                         file.errorString());
    return file.readAll();
}

Status UnixProcessControl::killHard(qint64 pid)
{
    if (pid <= 0)
        return makeError(Error::Kind::InvalidInput, QStringLiteral("pid %1 is not a process id").arg(pid));
    if (::kill(pid_t(pid), SIGKILL) != 0) {
        const int error = errno;
        return makeError(error == ESRCH ? Error::Kind::NotFound : Error::Kind::Io,
                         QStringLiteral("cannot kill process %1").arg(pid), systemError(error));
    }
    return {};
}
