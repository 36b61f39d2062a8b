// SPDX-License-Identifier: MIT
#include "sim/http/HttpConnection.h"

#include "sim/http/PendingResponse.h"

#include <utility>

HttpConnection::HttpConnection(QTcpSocket *socket, Handler handler, Finisher finisher,
                               const HttpLimits &limits, QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(std::move(handler)), m_finisher(std::move(finisher)),
      m_limits(limits), m_parser(limits.maxHeaderBytes, limits.maxBodyBytes)
{
    socket->setParent(this);
    // Once this buffer is full Qt stops reading the socket, so unread input waits in the kernel
    // and TCP flow control makes the peer's writes wait too.
    socket->setReadBufferSize(limits.readBufferBytes);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::processNext);
    // Answers taken by the peer may unblock a connection held back in Phase::Writing.
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::processNext);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        // At once, not in the destructor: an answer that comes before deleteLater runs must not
        // be spent on a peer that is gone.
        if (m_pending)
            std::exchange(m_pending, nullptr)->abandon();
        deleteLater();
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::deadlinePassed);
    m_deadline.start(m_limits.idleTimeoutMs);
    m_linger.setSingleShot(true);
    m_linger.setInterval(500);
    connect(&m_linger, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->disconnectFromHost();
    });
}

HttpConnection::~HttpConnection()
{
    // A held request whose peer went away: its owner drops it, and a one-time answer is kept.
    if (m_pending)
        m_pending->abandon();
}

qint64 HttpConnection::bufferedBytes() const
{
    return m_parser.bufferedBytes() + (m_socket ? m_socket->bytesAvailable() : 0);
}

void HttpConnection::processNext()
{
    if (!m_socket)
        return;
    if (m_closing) {
        drain();
        return;
    }
    while (m_socket && !m_busy && !m_closing) {
        if (m_socket->bytesToWrite() > m_limits.maxPendingOutputBytes) {
            enter(Phase::Writing);
            return;
        }
        HttpRequest request;
        const auto result = m_parser.next(&request);
        if (result == HttpRequestParser::Result::NeedMore) {
            if (m_parser.takeContinue())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            if (pull() > 0)
                continue;
            enter(m_parser.awaitingBody() ? Phase::Body : m_requestStarted ? Phase::Head : Phase::Idle);
            return;
        }
        if (result == HttpRequestParser::Result::Error) {
            reject(m_parser.errorStatus(), QStringLiteral("bad_request"), m_parser.errorMessage());
            return;
        }
        // Bytes already behind this request are the start of a pipelined next one.
        m_requestStarted = m_parser.bufferedBytes() > 0;
        enter(Phase::Handling);
        request.peer = m_socket->peerAddress();
        HttpResponse response = m_handler(request);
        const bool keepAlive = request.keepAlive();
        if (response.pending && !response.pending->isResolved()) {
            await(response.pending, keepAlive);
            return;
        }
        if (response.pending)
            response = HttpResponse(response.pending->response());
        if (response.delayMs > 0) {
            // Later requests wait, unread, in the socket: see readBufferBytes.
            m_busy = true;
            QTimer::singleShot(response.delayMs, this, [this, response, keepAlive] {
                m_busy = false;
                send(response, keepAlive);
                processNext();
            });
            return;
        }
        send(response, keepAlive);
    }
}

void HttpConnection::await(std::shared_ptr<PendingResponse> pending, bool keepAlive)
{
    // Like a delayed answer: pipelined requests wait unread until this one is answered.
    m_busy = true;
    m_pending = std::move(pending);
    connect(m_pending.get(), &PendingResponse::resolved, this, [this, keepAlive] {
        const std::shared_ptr<PendingResponse> done = std::move(m_pending);
        m_pending.reset();
        m_busy = false;
        send(done->response(), keepAlive);
        processNext();
    });
}

qint64 HttpConnection::pull()
{
    // Never more than one request's worth: the parser decides (Complete or Error) before that.
    const qint64 room = m_parser.maxRequestBytes() - m_parser.bufferedBytes();
    const qint64 wanted = qMin(room, m_socket->bytesAvailable());
    if (wanted <= 0)
        return 0;
    const QByteArray bytes = m_socket->read(wanted);
    if (!bytes.isEmpty())
        m_requestStarted = true;
    m_parser.append(bytes);
    return bytes.size();
}

void HttpConnection::drain()
{
    // Draining before a lingering close; a peer that never stops sending is cut off.
    m_drained += m_socket->readAll().size();
    if (m_drained > m_limits.maxBodyBytes) {
        m_socket->abort();
        deleteLater();
    } else if (m_linger.isActive()) {
        m_linger.start();
    }
}

void HttpConnection::enter(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    switch (phase) {
    case Phase::Idle:
        m_deadline.start(m_limits.idleTimeoutMs);
        break;
    case Phase::Head:
        m_deadline.start(m_limits.headTimeoutMs);
        break;
    case Phase::Body:
        m_deadline.start(m_limits.bodyTimeoutMs);
        break;
    case Phase::Handling:
        m_deadline.stop();
        break;
    case Phase::Writing:
        // A peer that stops reading our answers is given the idle time to resume.
        m_deadline.start(m_limits.idleTimeoutMs);
        break;
    case Phase::Closing:
        m_deadline.start(m_limits.lingerTimeoutMs);
        break;
    }
}

void HttpConnection::deadlinePassed()
{
    if (!m_socket)
        return;
    switch (m_phase) {
    case Phase::Head:
    case Phase::Body:
        // RFC 9110 §15.5.9: 408 says the server closes rather than keep waiting for the request.
        reject(
            408, QStringLiteral("request_timeout"),
            m_phase == Phase::Head
                ? QStringLiteral("the request head did not arrive within %1 ms").arg(m_limits.headTimeoutMs)
                : QStringLiteral("the request body did not arrive within %1 ms").arg(m_limits.bodyTimeoutMs));
        break;
    case Phase::Idle:
        m_closing = true;
        // A graceful close waits for unsent answers; a peer that has not read them for the
        // whole idle time is not waited for.
        if (m_socket->bytesToWrite() > 0) {
            m_socket->abort();
            deleteLater();
        } else {
            m_socket->disconnectFromHost();
        }
        break;
    case Phase::Writing:
    case Phase::Closing:
        m_socket->abort();
        deleteLater();
        break;
    case Phase::Handling:
        break;
    }
}

void HttpConnection::reject(int status, const QString &id, const QString &message)
{
    HttpResponse response = HttpResponse::error(status, id, message);
    if (m_finisher)
        m_finisher(response);
    m_socket->write(response.serialize(false));
    m_closing = true;
    enter(Phase::Closing);
    m_linger.start();
}

void HttpConnection::send(HttpResponse response, bool keepAlive)
{
    if (!m_socket)
        return;
    if (response.drop) {
        // "drop" fault: the peer sees the connection close with no status line at all.
        m_closing = true;
        m_socket->abort();
        deleteLater();
        return;
    }
    if (m_finisher)
        m_finisher(response);
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive) {
        m_closing = true;
        // The close completes once the answer is flushed; lingerTimeoutMs bounds the wait.
        enter(Phase::Closing);
        m_socket->disconnectFromHost();
    }
}
