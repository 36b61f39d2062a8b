// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpConnection.h"
#include "sim/http/HttpLimits.h"

#include <QObject>
#include <QSet>
#include <QTcpServer>

// A minimal HTTP/1.1 server on QTcpServer, listening on 127.0.0.1 only.
//
// Usage: construct with a handler that maps a request to a response, optionally setLimits() (the
// defaults suit heroku-sim; tests use small ones), call listen(port) (0 picks a free port) and read
// port(). It does not speak TLS or chunked bodies; it exists so heroku-sim needs no GPL-licensed
// Qt HttpServer. Beyond HttpLimits::maxConnections a new connection is answered 503 with
// Retry-After and closed at once, so a flood of connections cannot exhaust the process.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(HttpConnection::Handler handler, HttpConnection::Finisher finisher, QObject *parent = nullptr);

    // Applies to connections accepted from now on.
    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    const HttpLimits &limits() const { return m_limits; }

    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

    // Open connections being served (refused ones not counted).
    int connectionCount() const { return int(m_connections.size()); }
    // Request input held across all connections, for tests that check it stays bounded.
    qint64 bufferedBytes() const;

private:
    void acceptPending();
    void refuse(QTcpSocket *socket);

    QTcpServer m_server;
    HttpConnection::Handler m_handler;
    HttpConnection::Finisher m_finisher;
    HttpLimits m_limits;
    static constexpr int MaxRefusing = 64;
    QSet<HttpConnection *> m_connections;
    int m_refusing = 0; // refused sockets still closing (at most MaxRefusing; beyond, reset)
};
