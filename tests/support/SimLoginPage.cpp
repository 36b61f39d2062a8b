// SPDX-License-Identifier: MIT
#include "SimLoginPage.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

namespace {
int post(const QUrl &browserUrl, const QString &action, const QByteArray &form)
{
    QUrl target = browserUrl;
    target.setQuery(QString());
    target.setPath(browserUrl.path() + QLatin1Char('/') + action);
    QNetworkAccessManager network;
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply = network.post(request, form);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000)) {
        reply->abort();
        delete reply;
        return 0;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}
} // namespace

int SimLoginPage::approve(const QUrl &browserUrl, const QString &account)
{
    QUrlQuery form;
    if (!account.isEmpty())
        form.addQueryItem(QStringLiteral("account"), account);
    return post(browserUrl, QStringLiteral("approve"), form.toString(QUrl::FullyEncoded).toUtf8());
}

int SimLoginPage::deny(const QUrl &browserUrl)
{
    return post(browserUrl, QStringLiteral("deny"), QByteArray());
}
