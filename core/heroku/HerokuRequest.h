// SPDX-License-Identifier: MIT
#pragma once

#include "ApiCallRecord.h"
#include "ApiEndpoint.h"
#include "HerokuResult.h"
#include "HttpAnswer.h"
#include "PageCursor.h"
#include "RequestSpec.h"
#include "ResponseLimits.h"
#include "RetryPolicy.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class ReadExchange;
class SingleAttemptExchange;

// One logical call to the Platform API: one or more HTTP exchanges (pages of a
// list, retries of a GET after 429/503) ending in exactly one finished() signal
// with a HerokuResult. The request deletes itself after finished(); connect with
// a context object and do not keep the pointer.
//
// Created by HerokuClient; it does not read credentials or settings itself.
// It never blocks and never sends a POST, PATCH, PUT or DELETE twice: those travel
// through SingleAttemptExchange, because QNetworkAccessManager may resend them,
// and are never retried. Reads are bounded: a total deadline per exchange and per
// call, a body cap per answer, a page limit, and no Next-Range followed twice.
class HerokuRequest : public QObject
{
    Q_OBJECT
public:
    struct Context
    {
        QNetworkAccessManager *network = nullptr;
        ApiEndpoint endpoint;
        QByteArray authorization; // full header value; held, never printed
        RetryPolicy retry;
        ResponseLimits limits;
    };

    HerokuRequest(const Context &context, RequestSpec spec, QObject *parent);
    ~HerokuRequest() override;

    const RequestSpec &spec() const { return m_spec; }
    // Aborts what is in flight and finishes with a Cancelled error. A POST already
    // on the wire may still take effect at the API: cancelling only stops waiting.
    void cancel();

Q_SIGNALS:
    void finished(const HerokuResult &result);
    // A paginated list: each page's items as it arrives, before the next page is asked for, so a view
    // can show the first rows of a long listing early. finished() still carries every item.
    void pageReceived(const QJsonArray &items);
    // Each HTTP exchange, for the activity log.
    void exchanged(const ApiCallRecord &record);
    void rateLimitReported(int remaining);

private:
    void start();
    void sendExchange();
    void handleAnswer(const HttpAnswer &answer);
    bool retryIfAllowed(int status, const QByteArray &retryAfter);
    // Appends a page; false when the listing ended (with or without an error).
    bool nextPage(int status, const QByteArray &nextRange);
    void onCallDeadline();
    void stopExchanges();
    void finish(HerokuError error);
    QNetworkRequest buildRequest() const;
    HerokuError listingError(const QString &message) const;

    Context m_context;
    RequestSpec m_spec;
    QPointer<ReadExchange> m_read;            // carries GET and HEAD
    QPointer<SingleAttemptExchange> m_single; // carries every other method
    PageCursor m_cursor;                      // paginated lists only
    QJsonArray m_items;                       // pages gathered so far
    QTimer m_callDeadline;
    QJsonValue m_lastBody;
    int m_attempt = 0; // retries of the current exchange
    int m_exchanges = 0;
    int m_lastStatus = 0;
    QString m_lastRequestId;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_exchangeTimer;
    bool m_done = false;
};
