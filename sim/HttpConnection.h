// SPDX-License-Identifier: MIT
#pragma once

#include "HttpRequestParser.h"
#include "HttpResponse.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <functional>

// One accepted TCP connection: reads requests with HttpRequestParser, hands each to the handler
// and writes the answers in order (HTTP/1.1 pipelining requires in-order responses, RFC 9112 §9.3.2).
//
// While a response is delayed (fault "slow"), later requests on the same connection wait. A parse
// error is answered with a Heroku-style error body and the connection is closed after a short
// "lingering close": input is drained until the peer has been quiet for 500 ms, because closing a
// socket with unread input makes TCP send a reset that can destroy the error response in flight
// (RFC 9112 §9.6). A keep-alive connection idle for 90 s is closed, as Heroku's router does. The
// connection deletes itself when the socket disconnects.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    // Applied to every response just before it is written, including the ones for unparsable
    // requests that never reach the handler (so they carry the same headers).
    using Finisher = std::function<void(HttpResponse &)>;

    HttpConnection(QTcpSocket *socket, Handler handler, Finisher finisher, QObject *parent = nullptr);

private:
    void readAvailable();
    void processNext();
    void send(HttpResponse response, bool keepAlive);

    QPointer<QTcpSocket> m_socket;
    Handler m_handler;
    Finisher m_finisher;
    HttpRequestParser m_parser;
    QTimer m_linger;
    QTimer m_idle;
    qint64 m_drained = 0;
    bool m_busy = false;
    bool m_closing = false;
};
