// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpLimits.h"
#include "sim/http/HttpRequestParser.h"
#include "sim/http/HttpResponse.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <functional>
#include <memory>

class PendingResponse;

// One accepted TCP connection: reads requests with HttpRequestParser, hands each to the handler
// and writes the answers in order (HTTP/1.1 pipelining requires in-order responses, RFC 9112 §9.3.2).
//
// Input is pulled, not pushed: bytes move from the socket to the parser only while the parser can
// still need them for the current request, never while a response is delayed (fault "slow") or
// while the peer leaves more than HttpLimits::maxPendingOutputBytes of answers unread. The socket's
// own buffer is bounded too, so a peer that pipelines without end is stopped by TCP flow control.
// A deferred answer (HttpResponse::pending, a long poll) holds the connection the same way until it
// is resolved; if the peer disconnects first the PendingResponse is abandoned.
//
// Deadlines (HttpLimits): a request's head must arrive within headTimeoutMs of its first byte and
// its body within bodyTimeoutMs of the head, else 408 and close; a connection idle between
// requests for idleTimeoutMs is closed, as Heroku's router does. None of them is renewed per byte.
//
// A parse error is answered with a Heroku-style error body and the connection is closed after a
// "lingering close": input is drained until the peer has been quiet for 500 ms (at most
// lingerTimeoutMs), because closing a socket with unread input makes TCP send a reset that can
// destroy the error response in flight (RFC 9112 §9.6). The connection deletes itself when the
// socket disconnects.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    // Applied to every response just before it is written, including the ones for unparsable
    // requests that never reach the handler (so they carry the same headers).
    using Finisher = std::function<void(HttpResponse &)>;

    HttpConnection(QTcpSocket *socket, Handler handler, Finisher finisher, const HttpLimits &limits,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Input held for requests not yet handled: the parser's buffer plus the socket's.
    qint64 bufferedBytes() const;

private:
    // What the connection waits for; each phase has its own deadline.
    enum class Phase
    {
        Idle,     // no byte of a next request yet
        Head,     // part of a request head
        Body,     // a complete head, part of its body
        Handling, // the handler's answer is delayed or deferred
        Writing,  // the peer has not read enough of our answers
        Closing   // error answered, draining before close
    };

    void processNext();
    qint64 pull();
    void drain();
    void enter(Phase phase);
    void deadlinePassed();
    void reject(int status, const QString &id, const QString &message);
    void send(HttpResponse response, bool keepAlive);
    void await(std::shared_ptr<PendingResponse> pending, bool keepAlive);

    QPointer<QTcpSocket> m_socket;
    Handler m_handler;
    Finisher m_finisher;
    HttpLimits m_limits;
    HttpRequestParser m_parser;
    std::shared_ptr<PendingResponse> m_pending; // the deferred answer being waited for
    QTimer m_deadline;
    QTimer m_linger;
    Phase m_phase = Phase::Idle;
    qint64 m_drained = 0;
    bool m_requestStarted = false; // a byte of the next request has arrived
    bool m_busy = false;
    bool m_closing = false;
};
