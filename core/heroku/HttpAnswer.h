// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QNetworkReply>
#include <QString>

// What came back from one HTTP exchange, whichever transport carried it.
struct HttpAnswer
{
    int status = 0; // 0: no response at all
    QString reason;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QNetworkReply::NetworkError transportError = QNetworkReply::NoError;
    QString transportErrorText;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name).toLower()); }
    bool hasHeader(const char *name) const { return headers.contains(QByteArray(name).toLower()); }

    static HttpAnswer fromReply(QNetworkReply *reply);
    // No complete answer was accepted: the transport failed (or refused what came) with `text`.
    static HttpAnswer transportFailure(QNetworkReply::NetworkError error, const QString &text)
    {
        HttpAnswer answer;
        answer.transportError = error;
        answer.transportErrorText = text;
        return answer;
    }
};
