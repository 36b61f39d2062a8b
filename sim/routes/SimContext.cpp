// SPDX-License-Identifier: MIT
#include "sim/routes/SimContext.h"

#include <QJsonDocument>

HttpResponse SimContext::appNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Couldn't find that app."),
                               {{QStringLiteral("resource"), QStringLiteral("app")}});
}

HttpResponse SimContext::addonNotFound()
{
    // The CLI falls back to another lookup only when "resource" is "add_on".
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Couldn't find that add on."),
                               {{QStringLiteral("resource"), QStringLiteral("add_on")}});
}

HttpResponse SimContext::invalidParams(const QString &message)
{
    return HttpResponse::error(422, QStringLiteral("invalid_params"), message);
}

bool SimContext::jsonBody(const HttpRequest &request, QJsonObject *out, HttpResponse *error)
{
    if (request.body.trimmed().isEmpty()) {
        *out = {};
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = HttpResponse::error(400, QStringLiteral("bad_request"),
                                     QStringLiteral("Request body must be a JSON object."));
        return false;
    }
    *out = doc.object();
    return true;
}

std::function<HttpResponse(const HttpRequest &, const QStringList &)> SimContext::forApp(AppHandler handler)
{
    return [this, handler = std::move(handler)](const HttpRequest &request, const QStringList &params) {
        SimApp *app = state.app(params.at(0));
        return app ? handler(request, *app, params) : appNotFound();
    };
}
