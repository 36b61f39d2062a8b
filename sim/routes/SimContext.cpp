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

Result<QJsonObject> SimContext::jsonBody(const HttpRequest &request)
{
    if (request.body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(Error::Kind::InvalidInput, QStringLiteral("Request body must be a JSON object."),
                         parseError.errorString());
    return doc.object();
}

HttpResponse SimContext::badRequest(const Error &error)
{
    return HttpResponse::error(400, QStringLiteral("bad_request"), error.message);
}

const SimState::Account &SimContext::caller() const
{
    const SimState::Account *a = state.account(callerAccountId);
    return a ? *a : state.defaultAccount();
}

bool SimContext::canSee(const QString &appId) const
{
    const SimApp *app = const_cast<SimState &>(state).app(appId);
    return app && state.canSee(caller().id, *app);
}

SimApp *SimContext::visibleApp(const QString &idOrName)
{
    SimApp *app = state.app(idOrName);
    return app && state.canSee(caller().id, *app) ? app : nullptr;
}

std::function<HttpResponse(const HttpRequest &, const QStringList &)> SimContext::forApp(AppHandler handler)
{
    return [this, handler = std::move(handler)](const HttpRequest &request, const QStringList &params) {
        SimApp *app = visibleApp(params.at(0));
        return app ? handler(request, *app, params) : appNotFound();
    };
}
