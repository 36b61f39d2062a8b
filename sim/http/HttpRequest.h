// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

// One parsed HTTP/1.1 request as heroku-sim's router sees it.
//
// Header names are stored lower-cased (RFC 9110 §5.1: field names are case-insensitive), so
// header("Accept") and header("accept") find the same value. `path` is percent-decoded and has
// no query; `query` holds the query string. The body is raw bytes (Content-Length framed).
struct HttpRequest
{
    QByteArray method;
    QByteArray target;
    QString path;
    QUrlQuery query;
    QByteArray version;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;

    // First value of a header, or an empty array when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // Every value of a header, one per field line, in the order received.
    QList<QByteArray> headerValues(const QByteArray &name) const;
    // HTTP/1.1 keeps the connection open unless the client says "Connection: close";
    // HTTP/1.0 closes unless it says "keep-alive" (RFC 9112 §9.3).
    bool keepAlive() const;
};
