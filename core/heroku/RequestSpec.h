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

    // Safe per RFC 9110 §9.2.1: a read, so sending it again (after a 429 or 503, or
    // when Qt resends it on a dropped keep-alive connection) cannot change anything.
    // Everything else is sent exactly once. PUT and DELETE are idempotent in RFC terms,
    // yet a repeated DELETE answers 404 to a user whose add-on it just removed, and a
    // repeated dyno restart restarts the dynos twice.
    bool isSafe() const { return method == "GET" || method == "HEAD"; }
};
