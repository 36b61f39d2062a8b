// SPDX-License-Identifier: MIT
#include "ApiErrorReader.h"

#include "ReplyErrorText.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Heroku's messages end with a full stop ("Invalid credentials provided."); our
// advice continues the same line, so "provided; run …", never "provided.; run …".
void appendAdvice(QString &message, const QString &advice)
{
    while (message.endsWith(QLatin1Char('.')))
        message.chop(1);
    message += QStringLiteral("; ") + advice;
}

bool isSafe(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

HerokuError::Kind transportKind(QNetworkReply::NetworkError code)
{
    switch (code) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return HerokuError::Kind::Timeout;
    case QNetworkReply::UnknownContentError: // too large to accept (ReadExchange)
        return HerokuError::Kind::InvalidResponse;
    default:
        return HerokuError::Kind::Network;
    }
}
} // namespace

HerokuError ApiErrorReader::fromAnswer(const HttpAnswer &answer, const QByteArray &method,
                                       const QString &host)
{
    HerokuError error;
    const int status = answer.status;
    error.httpStatus = status;
    error.requestId = QString::fromLatin1(answer.header("Request-Id"));
    if (status == 0) {
        const auto code = answer.transportError;
        error.kind = transportKind(code);
        error.message = ReplyErrorText::transport(code, host, answer.transportErrorText, method);
        error.outcomeUnknown = !isSafe(method) && ReplyErrorText::mayHaveReachedApi(code);
        return error;
    }
    error.kind = status == 429 ? HerokuError::Kind::RateLimited : HerokuError::Kind::Api;
    // Heroku's error body is {"id": "...", "message": "...", "url": "..."}.
    const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
    error.id = object.value(QStringLiteral("id")).toString();
    error.message = object.value(QStringLiteral("message")).toString().simplified();
    error.url = object.value(QStringLiteral("url")).toString();
    if (error.message.isEmpty())
        error.message = QStringLiteral("%1 answered HTTP %2 %3").arg(host).arg(status).arg(answer.reason);
    if (status == 401)
        appendAdvice(error.message, QStringLiteral("run `cleardbctl login` with a valid API token"));
    else if (status == 429 && !isSafe(method))
        appendAdvice(error.message, QStringLiteral("nothing was changed, wait a minute and try again"));
    else if (status >= 500 && !isSafe(method)) {
        // A 5xx to a write may come after the API acted on it.
        appendAdvice(error.message, ReplyErrorText::unknownOutcomeHint(method));
        error.outcomeUnknown = true;
    }
    return error;
}
