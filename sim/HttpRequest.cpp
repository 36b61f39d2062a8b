// SPDX-License-Identifier: MIT
#include "HttpRequest.h"

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

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}
