// SPDX-License-Identifier: MIT
#pragma once

#include "ApiCallRecord.h"
#include "ApiEndpoint.h"
#include "HerokuResult.h"
#include "HttpAnswer.h"
#include "RequestSpec.h"
#include "RetryPolicy.h"

#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class SingleAttemptExchange;

// One logical call to the Platform API: one or more HTTP exchanges (pages of a
// list, retries of an idempotent request after 429/503) ending in exactly one
// finished() signal with a HerokuResult. The request deletes itself after
// finished(); connect with a context object and do not keep the pointer.
//
// Created by HerokuClient; it does not read credentials or settings itself.
// It never blocks and never resends a POST or PATCH on its own: those travel
// through SingleAttemptExchange, because QNetworkAccessManager may resend them.
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
    };

    HerokuRequest(const Context &context, RequestSpec spec, QObject *parent);
    ~HerokuRequest() override;

    const RequestSpec &spec() const { return m_spec; }
    // Aborts what is in flight and finishes with a Cancelled error. A POST already
    // on the wire may still take effect at the API: cancelling only stops waiting.
    void cancel();

Q_SIGNALS:
    void finished(const HerokuResult &result);
    // Each HTTP exchange, for the activity log.
    void exchanged(const ApiCallRecord &record);
    void rateLimitReported(int remaining);

private:
    void start();
    void sendExchange();
    void onReplyFinished();
    void handleAnswer(const HttpAnswer &answer);
    bool retryIfAllowed(int status, const QByteArray &retryAfter);
    void finish(HerokuError error);
    bool isWrite() const { return m_spec.method != "GET" && m_spec.method != "HEAD"; }
    QNetworkRequest buildRequest() const;
    HerokuError errorFromReply(const HttpAnswer &reply, int status, const QByteArray &body) const;

    Context m_context;
    RequestSpec m_spec;
    QPointer<QNetworkReply> m_reply;
    QPointer<SingleAttemptExchange> m_single; // carries POST and PATCH
    QByteArray m_range;                       // current Range header value, for paginated lists
    QJsonArray m_items;                       // pages gathered so far
    QJsonValue m_lastBody;
    int m_attempt = 0; // retries of the current exchange
    int m_exchanges = 0;
    int m_lastStatus = 0;
    QString m_lastRequestId;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_exchangeTimer;
    bool m_done = false;
};
