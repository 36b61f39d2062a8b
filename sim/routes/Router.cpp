// SPDX-License-Identifier: MIT
#include "sim/routes/Router.h"

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append({method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler)});
}

bool Router::match(const Route &route, const QStringList &segments, Params *params)
{
    if (route.segments.size() != segments.size())
        return false;
    Params captured;
    for (int i = 0; i < segments.size(); ++i) {
        if (route.segments.at(i) == QLatin1String("{}"))
            captured.append(segments.at(i));
        else if (route.segments.at(i) != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

HttpResponse Router::dispatch(const HttpRequest &request) const
{
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        Params params;
        if (!match(route, segments, &params))
            continue;
        if (route.method != request.method) {
            pathKnown = true;
            continue;
        }
        return route.handler(request, params);
    }
    if (pathKnown)
        return HttpResponse::error(405, QStringLiteral("method_not_allowed"),
                                   QStringLiteral("%1 is not supported on %2.")
                                       .arg(QString::fromLatin1(request.method), request.path));
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("The requested API endpoint was not found. Are you using the "
                                              "right HTTP verb (i.e. GET vs. POST), and did you specify your "
                                              "intended version with the Accept header?"));
}
