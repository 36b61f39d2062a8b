// SPDX-License-Identifier: MIT
#pragma once

#include "HttpConnection.h"

#include <QObject>
#include <QTcpServer>

// A minimal HTTP/1.1 server on QTcpServer, listening on 127.0.0.1 only.
//
// Usage: construct with a handler that maps a request to a response, call listen(port) (0 picks a
// free port) and read port(). It does not speak TLS or chunked bodies; it exists so heroku-sim
// needs no GPL-licensed Qt HttpServer.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(HttpConnection::Handler handler, HttpConnection::Finisher finisher, QObject *parent = nullptr);

    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void acceptPending();

    QTcpServer m_server;
    HttpConnection::Handler m_handler;
    HttpConnection::Finisher m_finisher;
};
