// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "sim/http/HttpRequest.h"
#include "sim/http/HttpResponse.h"
#include "sim/routes/ResourceRenderer.h"
#include "sim/state/SimCatalog.h"
#include "sim/state/SimState.h"

#include <QDateTime>
#include <QJsonObject>
#include <functional>

// What the route handlers share: the state, the catalog, the renderer, the callbacks into the
// server (persist after a mutation, start or end provisioning an add-on) and who is asking: the
// account and authorization of the request's token, which the server sets before each dispatch.
// An account sees only its own apps and its teams' apps (and their add-ons and attachments);
// anything else answers "not found", as Heroku does. Also the Heroku error bodies every handler
// uses, so "not found" reads the same on every route.
struct SimContext
{
    SimState &state;
    const SimCatalog &catalog;
    ResourceRenderer &render;
    std::function<void()> changed;
    std::function<void(const SimAddon &)> startProvisioning;
    std::function<void(const SimAddon &)> released;
    int rateLimitRemaining = 0;
    QString callerAccountId;
    QString callerAuthorizationId;

    // The token's account (the default account when none was set, e.g. in unit tests).
    const SimState::Account &caller() const;
    bool canSee(const QString &appId) const;
    // The app with that id or name if the caller may see it.
    SimApp *visibleApp(const QString &idOrName);

    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }
    static HttpResponse appNotFound();
    static HttpResponse addonNotFound();
    static HttpResponse invalidParams(const QString &message);
    // Parses a JSON object body (an empty body is an empty object); an InvalidInput Error when it is
    // not one, which badRequest() answers.
    static Result<QJsonObject> jsonBody(const HttpRequest &request);
    // Heroku's 400 "bad_request" with the error's message.
    static HttpResponse badRequest(const Error &error);
    using AppHandler = std::function<HttpResponse(const HttpRequest &, SimApp &, const QStringList &params)>;
    // A route handler for /apps/{app}/…: resolves the first path segment (id or
    // name) to the app, or answers Heroku's 404 for apps without calling `handler`.
    std::function<HttpResponse(const HttpRequest &, const QStringList &)> forApp(AppHandler handler);
};
