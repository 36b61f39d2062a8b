// SPDX-License-Identifier: MIT
#include "transfer/ChildOutputPipe.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

ChildOutputPipe::ChildOutputPipe(QObject *parent) : QObject(parent) {}

ChildOutputPipe::~ChildOutputPipe()
{
    close();
}

#ifdef Q_OS_UNIX

Status ChildOutputPipe::start(QProcess &process, const QString &program, const QStringList &arguments)
{
    int fds[2] = {-1, -1};
    if (::pipe(fds) != 0)
        return makeError(Error::Kind::Io, QStringLiteral("Could not create a pipe for %1: %2")
                                              .arg(program, QString::fromLocal8Bit(::strerror(errno))));
    // Close-on-exec for both ends: only this child gets the write end (as its stdout, dup2 clears the flag),
    // so end of file arrives when it exits, not when some other child started meanwhile does.
    for (int fd : fds)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    m_readFd = fds[0];
    const int writeFd = fds[1];
    process.setStandardOutputFile(QProcess::nullDevice());
    // Runs in the child after QProcess set up its channels and before exec: dup2 is async-signal-safe.
    process.setChildProcessModifier([writeFd] {
        if (::dup2(writeFd, STDOUT_FILENO) < 0)
            ::_exit(127);
    });
    m_process = &process;
    process.start(program, arguments);
    ::close(writeFd); // the child has its copy (or none, if it failed to start: then end of file at once)
    m_notifier = new QSocketNotifier(m_readFd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ChildOutputPipe::readChunk);
    m_notifier->setEnabled(!m_paused);
    return {};
}

void ChildOutputPipe::setPaused(bool paused)
{
    m_paused = paused;
    if (m_notifier)
        m_notifier->setEnabled(!paused && !m_ended);
}

void ChildOutputPipe::readChunk()
{
    if (m_readFd < 0 || m_paused)
        return;
    QByteArray chunk(ChunkSize, Qt::Uninitialized);
    ssize_t got = -1;
    do {
        got = ::read(m_readFd, chunk.data(), size_t(chunk.size()));
    } while (got < 0 && errno == EINTR);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return;
    if (got <= 0) { // end of file (or a broken pipe, which the child's exit status will explain)
        endOfFile();
        return;
    }
    chunk.truncate(qsizetype(got));
    Q_EMIT received(chunk);
}

void ChildOutputPipe::close()
{
    m_ended = true;
    delete m_notifier;
    m_notifier = nullptr;
    if (m_readFd >= 0)
        ::close(m_readFd);
    m_readFd = -1;
    m_process = nullptr;
}

#else

// QProcess reads the child's output into its own buffer here; pausing only delays our reading of it.
Status ChildOutputPipe::start(QProcess &process, const QString &program, const QStringList &arguments)
{
    m_process = &process;
    connect(&process, &QProcess::readyReadStandardOutput, this, &ChildOutputPipe::readChunk);
    connect(&process, &QProcess::finished, this, [this] {
        m_exited = true;
        readChunk();
    });
    process.start(program, arguments);
    return {};
}

void ChildOutputPipe::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused && m_process)
        QMetaObject::invokeMethod(this, &ChildOutputPipe::readChunk, Qt::QueuedConnection);
}

void ChildOutputPipe::readChunk()
{
    while (m_process && !m_paused && m_process->bytesAvailable() > 0)
        Q_EMIT received(m_process->read(ChunkSize));
    if (m_process && !m_paused && m_exited)
        endOfFile();
}

void ChildOutputPipe::close()
{
    m_ended = true;
    if (m_process)
        disconnect(m_process, nullptr, this, nullptr);
    m_process = nullptr;
}

#endif

void ChildOutputPipe::endOfFile()
{
    if (m_ended)
        return;
    close();
    Q_EMIT ended();
}
