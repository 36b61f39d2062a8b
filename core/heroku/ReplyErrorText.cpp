// SPDX-License-Identifier: MIT
#include "ReplyErrorText.h"

QString ReplyErrorText::transport(QNetworkReply::NetworkError error, const QString &host,
                                  const QString &detail)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral(
                   "%1 refused the connection; check HEROKU_HOST and that the API (or heroku-sim) is running")
            .arg(host);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("%1 closed the connection before answering; try again in a moment").arg(host);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("cannot resolve %1; check your network connection and DNS").arg(host);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("%1 did not answer in time; check your network connection and try again")
            .arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral(
                   "the TLS certificate of %1 could not be verified (%2); the connection was refused to "
                   "protect your token")
            .arg(host, detail);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return QStringLiteral("the network is unavailable; reconnect and try again");
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QStringLiteral("the proxy failed (%1); check your proxy settings").arg(detail);
    default:
        return QStringLiteral("talking to %1 failed: %2").arg(host, detail);
    }
}

QString ReplyErrorText::unknownOutcomeHint(const QByteArray &method)
{
    if (method == "GET" || method == "HEAD")
        return QString();
    return QStringLiteral("; the change may or may not have been applied, so check the current state before "
                          "trying again");
}
