// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

// What to send for one logical API call. Lists set `paginated`, and the request
// then follows Heroku's Range/Next-Range protocol until the last page.
struct RequestSpec
{
    QByteArray method = "GET";
    QString path; // percent-encoded path (and query), e.g. "/apps/my%20app/addons"
    QJsonValue body = QJsonValue(QJsonValue::Undefined); // undefined: no body
    bool paginated = false;
    // Heroku pages by a sort field; 1000 is the largest page the API serves,
    // so 2,000 apps take two requests instead of ten at the default 200.
    QString rangeField = QStringLiteral("id");
    int pageSize = 1000;
    // Extra headers some endpoints want (e.g. Accept-Inclusion), never credentials.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    // Idempotent per RFC 9110: safe to send again after a 429 or 503, because
    // repeating it cannot create a second add-on or apply a change twice.
    bool isIdempotent() const
    {
        return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE";
    }
};
