// SPDX-License-Identifier: MIT
#include "probe/ConnectorIo.h"

#include <QThread>

#include <cerrno>
#include <mysql.h>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <csignal>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#endif

namespace {
// A greeting is at most MySqlHandshake's 1024-byte payload plus its header; peek a little more.
constexpr int kPeekSize = 2048;

// The socket calls differ between Winsock and POSIX only in names and error codes; everything
// above this block is shared, so both builds run the same waiting and peeking logic.
#ifdef Q_OS_WIN
using PollFd = WSAPOLLFD;
using SockLen = int;
// Winsock's WSAPoll does not support POLLPRI (out-of-band data) and fails with WSAEINVAL on it.
constexpr short kPollExcept = 0;

int pollOne(PollFd *pfd, int ms)
{
    return ::WSAPoll(pfd, 1, ms);
}

// Winsock reports WSAE* codes; the probe's messages (ConnectorError) speak errno, as on Unix.
int errnoOf(int wsaError)
{
    switch (wsaError) {
    case WSAECONNREFUSED:
        return ECONNREFUSED;
    case WSAETIMEDOUT:
        return ETIMEDOUT;
    case WSAEHOSTUNREACH:
        return EHOSTUNREACH;
    case WSAENETUNREACH:
        return ENETUNREACH;
    case WSAECONNRESET:
        return ECONNRESET;
    case WSAENOTCONN:
        return ENOTCONN;
    case WSAEWOULDBLOCK:
    case WSAEINPROGRESS:
        return EINPROGRESS;
    case WSAEALREADY:
        return EALREADY;
    case WSAEINTR:
        return EINTR;
    default:
        return wsaError;
    }
}

int lastSocketError()
{
    return errnoOf(::WSAGetLastError());
}

// Winsock has no MSG_DONTWAIT; Connector/C keeps the socket non-blocking for its asynchronous API,
// so a plain MSG_PEEK returns at once as well.
qint64 peekBytes(qintptr socket, char *buffer, int size)
{
    return ::recv(SOCKET(socket), buffer, size, MSG_PEEK);
}

int socketErrorOption(qintptr socket, int *error)
{
    SockLen length = sizeof(*error);
    return ::getsockopt(SOCKET(socket), SOL_SOCKET, SO_ERROR, reinterpret_cast<char *>(error), &length);
}

int peerName(qintptr socket, sockaddr_storage *peer)
{
    SockLen length = sizeof(*peer);
    return ::getpeername(SOCKET(socket), reinterpret_cast<sockaddr *>(peer), &length);
}
#else
using PollFd = pollfd;
constexpr short kPollExcept = POLLPRI;

int pollOne(PollFd *pfd, int ms)
{
    return ::poll(pfd, 1, ms);
}

int errnoOf(int error)
{
    return error;
}

int lastSocketError()
{
    return errno;
}

qint64 peekBytes(qintptr socket, char *buffer, int size)
{
    return ::recv(int(socket), buffer, size_t(size), MSG_PEEK | MSG_DONTWAIT);
}

int socketErrorOption(qintptr socket, int *error)
{
    socklen_t length = sizeof(*error);
    return ::getsockopt(int(socket), SOL_SOCKET, SO_ERROR, error, &length);
}

int peerName(qintptr socket, sockaddr_storage *peer)
{
    socklen_t length = sizeof(*peer);
    return ::getpeername(int(socket), reinterpret_cast<sockaddr *>(peer), &length);
}
#endif

} // namespace

// TLS writes go through OpenSSL's plain write(); a server that vanished must not kill the process with
// SIGPIPE. Blocking it in the threads that talk to MySQL turns it into an EPIPE error. Windows has no
// SIGPIPE: a write to a closed socket fails with WSAECONNRESET instead.
void ConnectorIo::blockSigpipe()
{
#ifndef Q_OS_WIN
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
#endif
}

// Waits for what a non-blocking call asked for (MYSQL_WAIT_READ/WRITE/EXCEPT/TIMEOUT) but no longer than
// `deadline`. Returns the events for the _cont() call, or -1 when the deadline came first.
int ConnectorIo::waitFor(st_mysql *mysql, int status, const QDeadlineTimer &deadline)
{
    PollFd pfd{};
    pfd.fd = mysql_get_socket(mysql);
    if (status & MYSQL_WAIT_READ)
        pfd.events |= POLLIN;
    if (status & MYSQL_WAIT_WRITE)
        pfd.events |= POLLOUT;
    if (status & MYSQL_WAIT_EXCEPT)
        pfd.events |= kPollExcept;
    for (;;) {
        qint64 ms = qMax<qint64>(0, deadline.remainingTime());
        bool libraryTimeout = false;
        if ((status & MYSQL_WAIT_TIMEOUT) && qint64(mysql_get_timeout_value_ms(mysql)) < ms) {
            ms = mysql_get_timeout_value_ms(mysql);
            libraryTimeout = true;
        }
        const int n = pollOne(&pfd, int(ms));
        if (n < 0 && lastSocketError() == EINTR)
            continue;
        if (n > 0) {
            int events = 0;
            if (pfd.revents & (POLLERR | POLLHUP))
                return status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE | MYSQL_WAIT_EXCEPT);
            if (pfd.revents & POLLIN)
                events |= MYSQL_WAIT_READ;
            if (pfd.revents & POLLOUT)
                events |= MYSQL_WAIT_WRITE;
            if (kPollExcept != 0 && (pfd.revents & kPollExcept))
                events |= MYSQL_WAIT_EXCEPT;
            return events;
        }
        return libraryTimeout ? MYSQL_WAIT_TIMEOUT : -1;
    }
}

// Reads the greeting without consuming it (MSG_PEEK): Connector/C reads the same bytes next, so what
// decides the login's options is exactly what the library acts on.
ConnectorIo::GreetingPeek ConnectorIo::peekGreeting(qintptr socket, const QDeadlineTimer &deadline)
{
    GreetingPeek peek;
    QByteArray buffer(kPeekSize, '\0');
    for (;;) {
        PollFd pfd{};
        pfd.fd = decltype(pfd.fd)(socket);
        pfd.events = POLLIN;
        const int ready = pollOne(&pfd, int(qMax<qint64>(0, deadline.remainingTime())));
        if (ready < 0 && lastSocketError() == EINTR)
            continue;
        if (ready == 0) {
            peek.error = ProbeError::make(
                ProbeStage::Greeting, ProbeError::Kind::Timeout,
                QStringLiteral("no greeting within the timeout (a firewall dropping packets, or an "
                               "overloaded server or router)"));
            return peek;
        }
        const qint64 n = peekBytes(socket, buffer.data(), int(buffer.size()));
        if (n < 0) {
            const int error = lastSocketError();
            if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR || error == EINPROGRESS)
                continue;
        }
        if (n <= 0) {
            peek.error = ProbeError::make(
                ProbeStage::Greeting, ProbeError::Kind::ConnectionLost,
                QStringLiteral("the server closed the connection before greeting (lost connection at "
                               "handshake; a router without a live server does this)"),
                {}, 2013);
            return peek;
        }
        peek.parsed = MySqlHandshake::parseGreeting(buffer.left(int(n)));
        if (peek.parsed.status != MySqlHandshake::ParseStatus::NeedMoreData)
            return peek;
        // Part of the greeting is here; the rest is on its way (poll would return at once).
        if (deadline.hasExpired())
            continue;
        QThread::usleep(500);
    }
}

int ConnectorIo::connectError(qintptr socket)
{
    int error = 0;
    if (socketErrorOption(socket, &error) != 0)
        return lastSocketError();
    if (error != 0)
        return errnoOf(error);
    sockaddr_storage peer{};
    return peerName(socket, &peer) == 0 ? 0 : ENOTCONN;
}
