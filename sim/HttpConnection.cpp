// SPDX-License-Identifier: MIT
#include "HttpConnection.h"

#include <QTimer>

HttpConnection::HttpConnection(QTcpSocket *socket, Handler handler, Finisher finisher, QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(std::move(handler)), m_finisher(std::move(finisher))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    m_idle.setSingleShot(true);
    m_idle.setInterval(90 * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_socket && !m_busy)
            m_socket->disconnectFromHost();
    });
    m_idle.start();
    m_linger.setSingleShot(true);
    m_linger.setInterval(500);
    connect(&m_linger, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->disconnectFromHost();
    });
}

void HttpConnection::readAvailable()
{
    if (!m_socket)
        return;
    if (m_closing) {
        // Draining before a lingering close; a peer that never stops sending is cut off.
        m_drained += m_socket->readAll().size();
        if (m_drained > HttpRequestParser::DefaultMaxBodyBytes)
            m_socket->abort();
        else if (m_linger.isActive())
            m_linger.start();
        return;
    }
    m_idle.start();
    m_parser.append(m_socket->readAll());
    processNext();
}

void HttpConnection::processNext()
{
    while (!m_busy && !m_closing && m_socket) {
        HttpRequest request;
        const auto result = m_parser.next(&request);
        if (result == HttpRequestParser::Result::NeedMore) {
            if (m_parser.takeContinue())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            return;
        }
        if (result == HttpRequestParser::Result::Error) {
            send(HttpResponse::error(m_parser.errorStatus(), QStringLiteral("bad_request"),
                                     m_parser.errorMessage()),
                 false);
            m_linger.start();
            return;
        }
        request.peer = m_socket->peerAddress();
        const HttpResponse response = m_handler(request);
        const bool keepAlive = request.keepAlive();
        if (response.delayMs > 0) {
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
    m_idle.start();
    if (m_finisher)
        m_finisher(response);
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive) {
        m_closing = true;
        if (!m_parser.failed())
            m_socket->disconnectFromHost();
    }
}
