// SPDX-License-Identifier: MIT
#include "ReplyErrorText.h"

namespace {
bool isRead(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

// The answer to a write may be lost after the API acted on it.
QString retryAdvice(const QByteArray &method, const QString &readAdvice)
{
    return isRead(method) ? readAdvice : ReplyErrorText::unknownOutcomeHint(method);
}
} // namespace

QString ReplyErrorText::transport(QNetworkReply::NetworkError error, const QString &host,
                                  const QString &detail, const QByteArray &method)
{
    switch (error) {
    // The request never left this machine: safe to repeat, even a write.
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("%1 refused the connection; check HEROKU_HOST and that the API (or heroku-sim) "
                              "is running")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("cannot resolve %1; check your network connection and DNS").arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral(
                   "the TLS certificate of %1 could not be verified (%2); the connection was refused "
                   "to protect your token")
            .arg(host, detail);
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QStringLiteral("the proxy failed (%1); check your proxy settings").arg(detail);
    // The request may have reached the API.
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("%1 closed the connection before answering; %2")
            .arg(host, retryAdvice(method, QStringLiteral("try again in a moment")));
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("%1 did not answer in time; %2")
            .arg(host, retryAdvice(method, QStringLiteral("check your network connection and try again")));
    // Our own limits (ReadExchange): an answer too large to hold. A write's answer may
    // still have reached the API, hence the same advice as for a lost answer.
    case QNetworkReply::UnknownContentError:
        return QStringLiteral("%1 sent an unusable answer (%2); %3")
            .arg(host, detail,
                 retryAdvice(method,
                             QStringLiteral("try again later, and report the request id if it persists")));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QStringLiteral("the network became unavailable; %1")
            .arg(retryAdvice(method, QStringLiteral("reconnect and try again")));
    default:
        return QStringLiteral("talking to %1 failed (%2); %3")
            .arg(host, detail, retryAdvice(method, QStringLiteral("try again in a moment")));
    }
}

bool ReplyErrorText::mayHaveReachedApi(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return false;
    default:
        return true;
    }
}

QString ReplyErrorText::unknownOutcomeHint(const QByteArray &method)
{
    if (isRead(method))
        return QString();
    return QStringLiteral("the change may or may not have been applied, so check the current state before "
                          "trying again");
}
