// SPDX-License-Identifier: MIT
#include "sim/http/HttpServer.h"

#include <QTimer>

HttpServer::HttpServer(HttpConnection::Handler handler, HttpConnection::Finisher finisher, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_finisher(std::move(finisher))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
}

bool HttpServer::listen(quint16 port)
{
    // Loopback only: the simulator holds fake credentials and a control endpoint.
    return m_server.listen(QHostAddress::LocalHost, port);
}

qint64 HttpServer::bufferedBytes() const
{
    qint64 total = 0;
    for (const HttpConnection *connection : m_connections)
        total += connection->bufferedBytes();
    return total;
}

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections.size() >= m_limits.maxConnections) {
            refuse(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, m_handler, m_finisher, m_limits, this);
        m_connections.insert(connection);
        connect(connection, &QObject::destroyed, this,
                [this, connection] { m_connections.remove(connection); });
    }
}

void HttpServer::refuse(QTcpSocket *socket)
{
    socket->setParent(this);
    // A refusal costs a file descriptor until it closes; past a burst of them, reset at once.
    if (m_refusing >= MaxRefusing) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_refusing;
    connect(socket, &QObject::destroyed, this, [this] { --m_refusing; });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    // RFC 9110 §15.6.4: 503 with Retry-After for a temporary overload, then close (no request of
    // this connection is read, so none can be half-handled).
    HttpResponse response = HttpResponse::error(
        503, QStringLiteral("unavailable"),
        QStringLiteral("too many open connections (limit %1); retry shortly").arg(m_limits.maxConnections));
    response.setHeader("Retry-After", "1");
    if (m_finisher)
        m_finisher(response);
    socket->write(response.serialize(false));
    socket->disconnectFromHost();
    // A peer that never reads cannot hold the socket open past its linger time.
    QTimer::singleShot(m_limits.lingerTimeoutMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}
