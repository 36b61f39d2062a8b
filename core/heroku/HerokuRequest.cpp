// SPDX-License-Identifier: MIT
#include "HerokuRequest.h"

#include "AppInfo.h"
#include "ReplyErrorText.h"
#include "SingleAttemptExchange.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace {
// Heroku's messages end with a full stop ("Invalid credentials provided."); our
// advice continues the same line, so "provided; run …", never "provided.; run …".
void appendAdvice(QString &message, const QString &advice)
{
    while (message.endsWith(QLatin1Char('.')))
        message.chop(1);
    message += QStringLiteral("; ") + advice;
}

constexpr auto AcceptHeader = "application/vnd.heroku+json; version=3";

} // namespace

HerokuRequest::HerokuRequest(const Context &context, RequestSpec spec, QObject *parent)
    : QObject(parent), m_context(context), m_spec(std::move(spec))
{
    if (m_spec.paginated)
        m_range = m_spec.rangeField.toLatin1() + " ..; max=" + QByteArray::number(m_spec.pageSize);
    // Start from the event loop so that a caller connecting to finished() right
    // after creating us never misses an immediate failure.
    QTimer::singleShot(0, this, &HerokuRequest::start);
}

HerokuRequest::~HerokuRequest()
{
    if (m_reply) {
        m_reply->disconnect(this);
        // A reply that already has its outcome (e.g. a 404 not yet delivered to
        // us) must not be aborted: Qt would report a second error and warn.
        if (!m_reply->isFinished() && m_reply->error() == QNetworkReply::NoError)
            m_reply->abort();
        m_reply->deleteLater();
    }
}

void HerokuRequest::start()
{
    m_elapsed.start();
    if (!m_context.endpoint.isValid())
        return finish(m_context.endpoint.error());
    if (m_context.authorization.isEmpty())
        return finish(HerokuError::configuration(
            QStringLiteral("no Heroku API token; run `cleardbctl login` or set HEROKU_API_KEY")));
    sendExchange();
}

QNetworkRequest HerokuRequest::buildRequest() const
{
    QNetworkRequest request(m_context.endpoint.resolve(m_spec.path));
    request.setRawHeader("Accept", AcceptHeader);
    request.setRawHeader("Authorization", m_context.authorization);
    request.setHeader(QNetworkRequest::UserAgentHeader, AppInfo::userAgent());
    if (!m_spec.body.isUndefined())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!m_range.isEmpty())
        request.setRawHeader("Range", m_range);
    for (const auto &header : m_spec.extraHeaders)
        request.setRawHeader(header.first, header.second);
    // Authorization travels with a followed redirect, so only follow redirects that
    // stay on the same scheme, host and port.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(m_context.retry.timeoutMs);
    return request;
}

void HerokuRequest::sendExchange()
{
    if (m_done) // a retry timer may fire after cancel()
        return;
    QByteArray payload;
    if (m_spec.body.isObject())
        payload = QJsonDocument(m_spec.body.toObject()).toJson(QJsonDocument::Compact);
    else if (m_spec.body.isArray())
        payload = QJsonDocument(m_spec.body.toArray()).toJson(QJsonDocument::Compact);

    ++m_exchanges;
    m_exchangeTimer.start();
    const QNetworkRequest request = buildRequest();
    if (!m_spec.isIdempotent()) {
        // Sent once, on its own connection: see SingleAttemptExchange for why.
        SingleAttemptExchange::Headers headers;
        for (const QByteArray &name : request.rawHeaderList())
            headers.append({name, request.rawHeader(name)});
        m_single = new SingleAttemptExchange(this);
        connect(m_single, &SingleAttemptExchange::finished, this, [this](const HttpAnswer &answer) {
            m_single->deleteLater();
            m_single.clear();
            handleAnswer(answer);
        });
        m_single->start(request.url(), m_spec.method, headers, payload, m_context.retry.timeoutMs);
        return;
    }
    m_reply = m_context.network->sendCustomRequest(request, m_spec.method, payload);
    connect(m_reply, &QNetworkReply::finished, this, &HerokuRequest::onReplyFinished);
}

void HerokuRequest::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    if (!reply || m_done)
        return;
    reply->deleteLater();
    handleAnswer(HttpAnswer::fromReply(reply));
}

void HerokuRequest::handleAnswer(const HttpAnswer &reply)
{
    if (m_done)
        return;
    const int status = reply.status;
    const QByteArray &body = reply.body;
    m_lastStatus = status;
    m_lastRequestId = QString::fromLatin1(reply.header("Request-Id"));
    if (reply.hasHeader("RateLimit-Remaining"))
        Q_EMIT rateLimitReported(reply.header("RateLimit-Remaining").toInt());

    ApiCallRecord record;
    record.startedAt = QDateTime::currentDateTimeUtc().addMSecs(-m_exchangeTimer.elapsed());
    record.method = QString::fromLatin1(m_spec.method);
    record.path = m_spec.path;
    record.httpStatus = status;
    record.requestId = m_lastRequestId;
    record.durationMs = m_exchangeTimer.elapsed();

    if (status == 429 || status == 503) {
        if (retryIfAllowed(status, reply.header("Retry-After"))) {
            record.errorText = QStringLiteral("HTTP %1, retrying").arg(status);
            Q_EMIT exchanged(record);
            return;
        }
    }

    if (status >= 200 && status < 300) {
        QJsonValue value;
        if (!body.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                HerokuError error;
                error.kind = HerokuError::Kind::InvalidResponse;
                error.httpStatus = status;
                error.requestId = m_lastRequestId;
                error.message =
                    QStringLiteral("the API sent a response that is not valid JSON (%1); try again, and "
                                   "report the request id if it persists")
                        .arg(parseError.errorString());
                record.errorText = error.message;
                Q_EMIT exchanged(record);
                return finish(error);
            }
            value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
        Q_EMIT exchanged(record);
        m_attempt = 0;
        if (m_spec.paginated) {
            if (!value.isArray()) {
                HerokuError error;
                error.kind = HerokuError::Kind::InvalidResponse;
                error.httpStatus = status;
                error.requestId = m_lastRequestId;
                error.message = QStringLiteral("the API answered a list request without a list");
                return finish(error);
            }
            for (const QJsonValue &item : value.toArray())
                m_items.append(item);
            // Heroku answers 206 Partial Content plus Next-Range while more pages
            // remain; the client sends Next-Range back verbatim as the next Range.
            const QByteArray next = reply.header("Next-Range");
            if (status == 206 && !next.isEmpty()) {
                m_range = next;
                return sendExchange();
            }
            m_lastBody = m_items;
        } else {
            m_lastBody = value;
        }
        return finish(HerokuError{});
    }

    const HerokuError error = errorFromReply(reply, status, body);
    record.errorText = error.message;
    Q_EMIT exchanged(record);
    finish(error);
}

bool HerokuRequest::retryIfAllowed(int status, const QByteArray &retryAfter)
{
    Q_UNUSED(status)
    if (!m_spec.isIdempotent() || m_attempt >= m_context.retry.maxRetries)
        return false;
    const int delay = m_context.retry.delayForAttempt(m_attempt, retryAfter.trimmed().toInt());
    ++m_attempt;
    QTimer::singleShot(delay, this, &HerokuRequest::sendExchange);
    return true;
}

HerokuError HerokuRequest::errorFromReply(const HttpAnswer &reply, int status, const QByteArray &body) const
{
    HerokuError error;
    error.httpStatus = status;
    error.requestId = m_lastRequestId;
    const QString host = m_context.endpoint.host();
    if (status == 0) {
        const auto code = reply.transportError;
        const bool timedOut =
            code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError;
        error.kind = timedOut ? HerokuError::Kind::Timeout : HerokuError::Kind::Network;
        error.message = ReplyErrorText::transport(code, host, reply.transportErrorText, m_spec.method);
        error.outcomeUnknown = isWrite() && ReplyErrorText::mayHaveReachedApi(code);
        return error;
    }
    error.kind = status == 429 ? HerokuError::Kind::RateLimited : HerokuError::Kind::Api;
    // Heroku's error body is {"id": "...", "message": "...", "url": "..."}.
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    error.id = object.value(QStringLiteral("id")).toString();
    error.message = object.value(QStringLiteral("message")).toString().simplified();
    error.url = object.value(QStringLiteral("url")).toString();
    if (error.message.isEmpty())
        error.message = QStringLiteral("%1 answered HTTP %2 %3").arg(host).arg(status).arg(reply.reason);
    if (status == 401)
        appendAdvice(error.message, QStringLiteral("run `cleardbctl login` with a valid API token"));
    else if (status == 429 && !m_spec.isIdempotent())
        appendAdvice(error.message, QStringLiteral("nothing was changed, wait a minute and try again"));
    else if (status >= 500 && !m_spec.isIdempotent()) {
        appendAdvice(error.message, ReplyErrorText::unknownOutcomeHint(m_spec.method));
        error.outcomeUnknown = true;
    }
    return error;
}

void HerokuRequest::finish(HerokuError error)
{
    if (m_done)
        return;
    m_done = true;
    HerokuResult result;
    result.error = std::move(error);
    result.data = result.ok() ? m_lastBody : QJsonValue();
    result.httpStatus = m_lastStatus;
    result.requestId = m_lastRequestId;
    result.httpRequests = m_exchanges;
    result.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    Q_EMIT finished(result);
    deleteLater();
}

void HerokuRequest::cancel()
{
    if (m_done)
        return;
    if (m_reply) {
        m_reply->disconnect(this);
        // A reply that already has its outcome (e.g. a 404 not yet delivered to
        // us) must not be aborted: Qt would report a second error and warn.
        if (!m_reply->isFinished() && m_reply->error() == QNetworkReply::NoError)
            m_reply->abort();
        m_reply->deleteLater();
        m_reply.clear();
    }
    if (m_single)
        m_single->abort();
    HerokuError error;
    error.kind = HerokuError::Kind::Cancelled;
    error.message = m_spec.isIdempotent()
                        ? QStringLiteral("cancelled")
                        : QStringLiteral("cancelled; ") + ReplyErrorText::unknownOutcomeHint(m_spec.method);
    error.outcomeUnknown = !m_spec.isIdempotent();
    finish(error);
}
