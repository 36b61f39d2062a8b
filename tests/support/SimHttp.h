// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

class SimProcess;

// Raw HTTP calls to heroku-sim for tests that check the wire protocol itself (status, headers,
// bodies), without going through core's HerokuClient.
//
//     SimHttp http(sim);
//     const SimHttp::Reply r = http.get("/apps", {{"Range", "id ..; max=10"}});
//     QCOMPARE(r.status, 206);
//
// Requests carry "Authorization: Bearer <token>" and the v3 Accept header unless the extra
// headers override them (an empty value removes a header). Each call waits up to 15 s.
class SimHttp
{
public:
    struct Reply
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        bool finished = false;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit SimHttp(const SimProcess &sim);
    // For a simulator running in-process (SimServer) at `baseUrl`.
    SimHttp(const QString &baseUrl, const QString &token);

    Reply get(const QString &path, const Headers &headers = {});
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const Headers &headers = {}, int timeoutMs = 15000);

private:
    QUrl m_base;
    QString m_token;
    QNetworkAccessManager m_network;
};
