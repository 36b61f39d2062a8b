// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

class PendingResponse;

// An HTTP response heroku-sim is about to send, plus two delivery instructions used by fault
// injection: delay the bytes by delayMs, or drop the connection without answering. A handler
// that answers later returns deferred(): the connection then waits for that PendingResponse.
//
// error() builds Heroku's error shape {"id", "message"[, "url"]} (Platform API reference,
// "Errors"); extra members such as "resource" go in `extra`.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    bool drop = false;
    std::shared_ptr<PendingResponse> pending;

    static HttpResponse deferred(std::shared_ptr<PendingResponse> pending);
    static HttpResponse json(int status, const QJsonValue &value);
    static HttpResponse error(int status, const QString &id, const QString &message,
                              const QJsonObject &extra = {});

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    // The bytes on the wire; Content-Length and Connection are set here.
    QByteArray serialize(bool keepAlive) const;
    static QByteArray reasonPhrase(int status);
};
