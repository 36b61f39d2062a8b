// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpRequest.h"
#include "sim/http/HttpResponse.h"

#include <QList>
#include <QStringList>
#include <functional>

// Maps "METHOD /path/{}/pattern" to handlers. Each "{}" matches one path segment (an id or a name)
// and is passed to the handler in order. Unknown paths answer 404 "not_found"; a known path with
// another method answers 405 "method_not_allowed".
class Router
{
public:
    using Params = QStringList;
    using Handler = std::function<HttpResponse(const HttpRequest &, const Params &)>;

    void add(const QByteArray &method, const QString &pattern, Handler handler);
    HttpResponse dispatch(const HttpRequest &request) const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Handler handler;
    };
    static bool match(const Route &route, const QStringList &segments, Params *params);
    QList<Route> m_routes;
};
