// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpResponse.h"

#include <QObject>
#include <QTimer>
#include <memory>

// An answer a handler gives later: a long poll holds the request until something happens
// elsewhere (the login page's Approve button), or until a time limit passes.
//
//     auto pending = PendingResponse::create();
//     pending->expireAfter(25000, HttpResponse::error(503, ...)); // optional
//     keep(pending);                                              // resolve() it later
//     return HttpResponse::deferred(pending);
//
// The connection that received the request sends whatever resolve() gives it, in order with the
// requests pipelined behind it (they wait, unread, like behind a delayed answer). When the peer
// disconnects first, the connection calls abandon(): abandoned() tells the owner to forget it, and
// resolve() then returns false so an answer meant for that client (a one-time token) is kept for
// the next one. Only the first resolve() or abandon() counts. Made only by create(), owned by
// shared pointers, and deleted with deleteLater(), so it may be resolved from inside its own signals.
class PendingResponse : public QObject
{
    Q_OBJECT
public:
    static std::shared_ptr<PendingResponse> create();

    // Delivers `response` to the waiting connection; false when it was already resolved or the
    // connection is gone (nothing is sent).
    bool resolve(HttpResponse response);
    // Resolves with `fallback` unless resolved or abandoned within `ms`.
    void expireAfter(int ms, HttpResponse fallback);
    void abandon();

    bool isResolved() const { return m_resolved; }
    bool isAbandoned() const { return m_abandoned; }
    const HttpResponse &response() const { return m_response; }

Q_SIGNALS:
    void resolved();
    void abandoned();

private:
    PendingResponse() = default;

    HttpResponse m_response;
    HttpResponse m_fallback;
    QTimer m_expiry;
    bool m_resolved = false;
    bool m_abandoned = false;
};
