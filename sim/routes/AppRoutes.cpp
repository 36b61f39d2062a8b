// SPDX-License-Identifier: MIT
#include "sim/routes/AppRoutes.h"

#include "sim/paging/ListPager.h"

#include <QJsonObject>

namespace {
HttpResponse listApps(SimContext &ctx, const HttpRequest &request)
{
    QList<QJsonObject> items;
    items.reserve(ctx.state.apps.size());
    const QString caller = ctx.caller().id;
    for (const SimApp &a : std::as_const(ctx.state.apps)) {
        if (ctx.state.canSee(caller, a))
            items.append(ctx.render.app(a));
    }
    return ListPager::respond(request, items);
}

HttpResponse dynoNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Couldn't find that dyno."),
                               {{QStringLiteral("resource"), QStringLiteral("dyno")}});
}

HttpResponse restart(SimContext &ctx, const QString &appId, const QString &dyno)
{
    const QDateTime now = SimContext::now();
    bool found = false;
    for (SimDyno &d : ctx.state.dynos) {
        if (d.appId == appId && (dyno.isEmpty() || d.name == dyno || d.id == dyno)) {
            d.updatedAt = now;
            d.restarts += 1;
            d.state = QStringLiteral("up");
            found = true;
        }
    }
    if (!dyno.isEmpty() && !found)
        return HttpResponse::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("Couldn't find that dyno."),
                                   {{QStringLiteral("resource"), QStringLiteral("dyno")}});
    ctx.changed();
    // The schema's targetSchema for restart is an empty object; Heroku answers 202 Accepted.
    return HttpResponse::json(202, QJsonObject());
}
} // namespace

void AppRoutes::install(Router &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/account"), [&ctx](const HttpRequest &, const Router::Params &) {
        return HttpResponse::json(200, ctx.render.account(ctx.caller()));
    });
    router.add("GET", QStringLiteral("/account/rate-limits"),
               [&ctx](const HttpRequest &, const Router::Params &) {
                   return HttpResponse::json(
                       200, QJsonObject{{QStringLiteral("remaining"), ctx.rateLimitRemaining}});
               });
    router.add("GET", QStringLiteral("/apps"),
               [&ctx](const HttpRequest &r, const Router::Params &) { return listApps(ctx, r); });
    // The CLI's `heroku apps` lists /users/~/apps ("~" is the current account).
    router.add("GET", QStringLiteral("/users/{}/apps"),
               [&ctx](const HttpRequest &r, const Router::Params &p) {
                   if (p.at(0) != QLatin1String("~") && p.at(0) != ctx.caller().id &&
                       p.at(0).compare(ctx.caller().email, Qt::CaseInsensitive) != 0)
                       return HttpResponse::error(404, QStringLiteral("not_found"),
                                                  QStringLiteral("Couldn't find that user."),
                                                  {{QStringLiteral("resource"), QStringLiteral("user")}});
                   return listApps(ctx, r);
               });
    router.add("GET", QStringLiteral("/apps/{}"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &) {
                   return HttpResponse::json(200, ctx.render.app(app));
               }));
    router.add("GET", QStringLiteral("/apps/{}/releases"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &) {
                   QList<QJsonObject> items;
                   for (const SimRelease &rel : ctx.state.releasesOfApp(app.id))
                       items.append(ctx.render.release(rel, rel.version == app.releaseVersion));
                   return ListPager::respond(r, items, {QStringLiteral("version"), QStringLiteral("id")});
               }));
    router.add("GET", QStringLiteral("/apps/{}/releases/{}"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &p) {
                   for (const SimRelease &rel : ctx.state.releasesOfApp(app.id)) {
                       if (rel.id == p.at(1) || QString::number(rel.version) == p.at(1))
                           return HttpResponse::json(
                               200, ctx.render.release(rel, rel.version == app.releaseVersion));
                   }
                   return HttpResponse::error(404, QStringLiteral("not_found"),
                                              QStringLiteral("Couldn't find that release."),
                                              {{QStringLiteral("resource"), QStringLiteral("release")}});
               }));
    router.add("GET", QStringLiteral("/apps/{}/dynos"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &) {
                   QList<QJsonObject> items;
                   for (const SimDyno &d : ctx.state.dynosOfApp(app.id))
                       items.append(ctx.render.dyno(d));
                   return ListPager::respond(r, items);
               }));
    router.add("GET", QStringLiteral("/apps/{}/dynos/{}"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &p) {
                   for (const SimDyno &d : ctx.state.dynosOfApp(app.id)) {
                       if (d.name == p.at(1) || d.id == p.at(1))
                           return HttpResponse::json(200, ctx.render.dyno(d));
                   }
                   return dynoNotFound();
               }));
    router.add("DELETE", QStringLiteral("/apps/{}/dynos"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &) {
                   return restart(ctx, app.id, {});
               }));
    router.add("DELETE", QStringLiteral("/apps/{}/dynos/{}"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &p) {
                   return restart(ctx, app.id, p.at(1));
               }));
}
