// SPDX-License-Identifier: MIT
#include "sim/http/HttpRequest.h"

QByteArray HttpRequest::header(const QByteArray &name) const
{
    const QByteArray key = name.toLower();
    for (const auto &h : headers) {
        if (h.first == key)
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    const QByteArray key = name.toLower();
    for (const auto &h : headers) {
        if (h.first == key)
            return true;
    }
    return false;
}

QList<QByteArray> HttpRequest::headerValues(const QByteArray &name) const
{
    const QByteArray key = name.toLower();
    QList<QByteArray> values;
    for (const auto &h : headers) {
        if (h.first == key)
            values.append(h.second);
    }
    return values;
}

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}
