// SPDX-License-Identifier: MIT
#include "HttpServer.h"

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

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new HttpConnection(socket, m_handler, m_finisher, this);
}
