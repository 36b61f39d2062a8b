// SPDX-License-Identifier: MIT
#include "probe/ConnectorIo.h"

#include <QThread>

#include <cerrno>
#include <csignal>
#include <mysql.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>

namespace {
// A greeting is at most MySqlHandshake's 1024-byte payload plus its header; peek a little more.
constexpr int kPeekSize = 2048;

} // namespace

// TLS writes go through OpenSSL's plain write(); a server that vanished must not kill the process with
// SIGPIPE. Blocking it in the threads that talk to MySQL turns it into an EPIPE error.
void ConnectorIo::blockSigpipe()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// Waits for what a non-blocking call asked for (MYSQL_WAIT_READ/WRITE/EXCEPT/TIMEOUT) but no longer than
// `deadline`. Returns the events for the _cont() call, or -1 when the deadline came first.
int ConnectorIo::waitFor(st_mysql *mysql, int status, const QDeadlineTimer &deadline)
{
    pollfd pfd{mysql_get_socket(mysql), 0, 0};
    if (status & MYSQL_WAIT_READ)
        pfd.events |= POLLIN;
    if (status & MYSQL_WAIT_WRITE)
        pfd.events |= POLLOUT;
    if (status & MYSQL_WAIT_EXCEPT)
        pfd.events |= POLLPRI;
    for (;;) {
        qint64 ms = qMax<qint64>(0, deadline.remainingTime());
        bool libraryTimeout = false;
        if ((status & MYSQL_WAIT_TIMEOUT) && qint64(mysql_get_timeout_value_ms(mysql)) < ms) {
            ms = mysql_get_timeout_value_ms(mysql);
            libraryTimeout = true;
        }
        const int n = ::poll(&pfd, 1, int(ms));
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0) {
            int events = 0;
            if (pfd.revents & (POLLERR | POLLHUP))
                return status & (MYSQL_WAIT_READ | MYSQL_WAIT_WRITE | MYSQL_WAIT_EXCEPT);
            if (pfd.revents & POLLIN)
                events |= MYSQL_WAIT_READ;
            if (pfd.revents & POLLOUT)
                events |= MYSQL_WAIT_WRITE;
            if (pfd.revents & POLLPRI)
                events |= MYSQL_WAIT_EXCEPT;
            return events;
        }
        return libraryTimeout ? MYSQL_WAIT_TIMEOUT : -1;
    }
}

// Reads the greeting without consuming it (MSG_PEEK): Connector/C reads the same bytes next, so what
// decides the login's options is exactly what the library acts on.
ConnectorIo::GreetingPeek ConnectorIo::peekGreeting(int fd, const QDeadlineTimer &deadline)
{
    GreetingPeek peek;
    QByteArray buffer(kPeekSize, '\0');
    for (;;) {
        pollfd pfd{fd, POLLIN, 0};
        const int ready = ::poll(&pfd, 1, int(qMax<qint64>(0, deadline.remainingTime())));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            peek.error = ProbeError::make(
                ProbeStage::Greeting, ProbeError::Kind::Timeout,
                QStringLiteral("no greeting within the timeout (a firewall dropping packets, or an "
                               "overloaded server or router)"));
            return peek;
        }
        const ssize_t n = ::recv(fd, buffer.data(), size_t(buffer.size()), MSG_PEEK | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            continue;
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

int ConnectorIo::connectError(int fd)
{
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    if (error != 0)
        return error;
    sockaddr_storage peer{};
    socklen_t peerLength = sizeof(peer);
    return ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &peerLength) == 0 ? 0 : ENOTCONN;
}
