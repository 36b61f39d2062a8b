// SPDX-License-Identifier: MIT
#include "sim/routes/OAuthRoutes.h"

#include <QJsonArray>

namespace {
HttpResponse authorizationNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("Couldn't find that authorization."),
                               {{QStringLiteral("resource"), QStringLiteral("authorization")}});
}

// The caller's authorization with that id, or its default one for "~".
const SimAuthorization *ownAuthorization(const SimContext &ctx, const QString &idOrTilde)
{
    const QString account = ctx.caller().id;
    for (const SimAuthorization &a : ctx.state.authorizations) {
        if (a.accountId != account)
            continue;
        if (idOrTilde == QLatin1String("~") ? a.isDefault : a.id == idOrTilde)
            return &a;
    }
    return nullptr;
}
} // namespace

void OAuthRoutes::install(Router &router, SimContext &ctx)
{
    router.add(
        "DELETE", QStringLiteral("/oauth/sessions/{}"), [&ctx](const HttpRequest &, const Router::Params &p) {
            const SimAuthorization *own = ctx.state.authorization(ctx.callerAuthorizationId);
            // Only "~" (the calling token's session) is served; other ids are sessions of other logins.
            if (p.at(0) != QLatin1String("~") || !own || own->sessionId.isEmpty())
                return HttpResponse::error(404, QStringLiteral("not_found"),
                                           QStringLiteral("Couldn't find that session."),
                                           {{QStringLiteral("resource"), QStringLiteral("session")}});
            const QJsonObject session{{QStringLiteral("id"), own->sessionId},
                                      {QStringLiteral("description"), own->description},
                                      {QStringLiteral("created_at"), ResourceRenderer::time(own->createdAt)},
                                      {QStringLiteral("updated_at"), ResourceRenderer::time(own->updatedAt)}};
            ctx.state.revoke(own->id);
            ctx.changed();
            return HttpResponse::json(200, session);
        });
    router.add("GET", QStringLiteral("/oauth/authorizations"),
               [&ctx](const HttpRequest &, const Router::Params &) {
                   QJsonArray items;
                   const QString account = ctx.caller().id;
                   for (const SimAuthorization &a : std::as_const(ctx.state.authorizations)) {
                       if (a.accountId == account)
                           items.append(ctx.render.authorization(a));
                   }
                   return HttpResponse::json(200, items);
               });
    router.add("GET", QStringLiteral("/oauth/authorizations/{}"),
               [&ctx](const HttpRequest &, const Router::Params &p) {
                   const SimAuthorization *a = ownAuthorization(ctx, p.at(0));
                   return a ? HttpResponse::json(200, ctx.render.authorization(*a)) : authorizationNotFound();
               });
    router.add("DELETE", QStringLiteral("/oauth/authorizations/{}"),
               [&ctx](const HttpRequest &, const Router::Params &p) {
                   const SimAuthorization *a = ownAuthorization(ctx, p.at(0));
                   if (!a)
                       return authorizationNotFound();
                   const QJsonObject gone = ctx.render.authorization(*a);
                   ctx.state.revoke(a->id);
                   ctx.changed();
                   return HttpResponse::json(200, gone);
               });
}
