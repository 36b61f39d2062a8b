// SPDX-License-Identifier: MIT
#include "HerokuRequest.h"

#include "ApiErrorReader.h"
#include "AppInfo.h"
#include "ReadExchange.h"
#include "ReplyErrorText.h"
#include "SingleAttemptExchange.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace {
constexpr auto AcceptHeader = "application/vnd.heroku+json; version=3";
} // namespace

HerokuRequest::HerokuRequest(const Context &context, RequestSpec spec, QObject *parent)
    : QObject(parent), m_context(context), m_spec(std::move(spec))
{
    if (m_spec.paginated)
        m_cursor = PageCursor(m_spec.rangeField, m_spec.pageSize, m_context.limits.maxPages);
    m_callDeadline.setSingleShot(true);
    connect(&m_callDeadline, &QTimer::timeout, this, &HerokuRequest::onCallDeadline);
    // Start from the event loop so that a caller connecting to finished() right
    // after creating us never misses an immediate failure.
    QTimer::singleShot(0, this, &HerokuRequest::start);
}

HerokuRequest::~HerokuRequest()
{
    stopExchanges();
}

void HerokuRequest::stopExchanges()
{
    if (m_read) {
        m_read->abort();
        m_read->deleteLater();
    }
    if (m_single) {
        m_single->abort();
        m_single->deleteLater();
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
    // Writes are one exchange, bounded by its own timeout; a read may take many pages
    // and retries, and this deadline bounds them together.
    if (m_spec.isSafe())
        m_callDeadline.start(qMax(m_context.retry.callTimeoutMs, m_context.retry.timeoutMs));
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
    if (m_cursor.isActive())
        request.setRawHeader("Range", m_cursor.range());
    for (const auto &header : m_spec.extraHeaders)
        request.setRawHeader(header.first, header.second);
    // Authorization travels with a followed redirect, so only follow redirects that
    // stay on the same scheme, host and port.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
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
    if (!m_spec.isSafe()) {
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
    m_read = new ReadExchange(m_context.network, this);
    connect(m_read, &ReadExchange::finished, this, [this](const HttpAnswer &answer) {
        m_read->deleteLater();
        m_read.clear();
        handleAnswer(answer);
    });
    m_read->start(request, m_spec.method, m_context.retry.timeoutMs, m_context.limits.maxBodyBytes);
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
            Q_EMIT pageReceived(value.toArray());
            if (m_done)
                return; // a receiver cancelled the listing
            if (nextPage(status, reply.header("Next-Range")))
                return sendExchange();
            if (m_done)
                return;
            m_lastBody = m_items;
        } else {
            m_lastBody = value;
        }
        return finish(HerokuError{});
    }

    const HerokuError error = ApiErrorReader::fromAnswer(reply, m_spec.method, m_context.endpoint.host());
    record.errorText = error.message;
    Q_EMIT exchanged(record);
    finish(error);
}

bool HerokuRequest::nextPage(int status, const QByteArray &nextRange)
{
    switch (m_cursor.advance(status, nextRange)) {
    case PageCursor::Step::Next:
        return true;
    case PageCursor::Step::Done:
        return false;
    case PageCursor::Step::Repeated:
        finish(listingError(
            QStringLiteral("the API sent a Next-Range it had sent before while listing %1, so the listing "
                           "would never end; stopped after %2 requests; try again later, and report the "
                           "request id if it persists")
                .arg(m_spec.path)
                .arg(m_exchanges)));
        return false;
    case PageCursor::Step::TooManyPages:
        finish(listingError(QStringLiteral("listing %1 did not end after %2 pages; stopped there; try again "
                                           "later, and report the request id if it persists")
                                .arg(m_spec.path)
                                .arg(m_cursor.maxPages())));
        return false;
    }
    return false;
}

HerokuError HerokuRequest::listingError(const QString &message) const
{
    HerokuError error;
    error.kind = HerokuError::Kind::InvalidResponse;
    error.httpStatus = m_lastStatus;
    error.requestId = m_lastRequestId;
    error.message = message;
    return error;
}

void HerokuRequest::onCallDeadline()
{
    if (m_done)
        return;
    stopExchanges();
    HerokuError error;
    error.kind = HerokuError::Kind::Timeout;
    error.requestId = m_lastRequestId;
    error.message = QStringLiteral("%1 %2 got no complete answer within %3 s (%4 requests); check your "
                                   "network connection and try again")
                        .arg(QString::fromLatin1(m_spec.method), m_spec.path)
                        .arg(m_callDeadline.interval() / 1000.0)
                        .arg(m_exchanges);
    finish(error);
}

bool HerokuRequest::retryIfAllowed(int status, const QByteArray &retryAfter)
{
    Q_UNUSED(status)
    // Only reads: a write that met a 429 or 503 is reported and left to the user.
    if (!m_spec.isSafe() || m_attempt >= m_context.retry.maxRetries)
        return false;
    const int delay = m_context.retry.delayForAttempt(m_attempt, retryAfter.trimmed().toInt());
    ++m_attempt;
    QTimer::singleShot(delay, this, &HerokuRequest::sendExchange);
    return true;
}

void HerokuRequest::finish(HerokuError error)
{
    if (m_done)
        return;
    m_done = true;
    m_callDeadline.stop();
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
    stopExchanges();
    HerokuError error;
    error.kind = HerokuError::Kind::Cancelled;
    error.message = m_spec.isSafe()
                        ? QStringLiteral("cancelled")
                        : QStringLiteral("cancelled; ") + ReplyErrorText::unknownOutcomeHint(m_spec.method);
    error.outcomeUnknown = !m_spec.isSafe();
    finish(error);
}
