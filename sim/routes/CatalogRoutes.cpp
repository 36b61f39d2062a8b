// SPDX-License-Identifier: MIT
#include "sim/routes/CatalogRoutes.h"

#include "sim/paging/ListPager.h"

namespace {
HttpResponse serviceNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("Couldn't find that add-on service."),
                               {{QStringLiteral("resource"), QStringLiteral("addon_service")}});
}

HttpResponse planNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Couldn't find that plan."),
                               {{QStringLiteral("resource"), QStringLiteral("plan")}});
}
} // namespace

void CatalogRoutes::install(Router &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/addon-services"),
               [&ctx](const HttpRequest &r, const Router::Params &) {
                   QList<QJsonObject> items;
                   for (const auto &s : ctx.catalog.services())
                       items.append(ctx.render.service(s));
                   return ListPager::respond(r, items);
               });
    router.add("GET", QStringLiteral("/addon-services/{}"),
               [&ctx](const HttpRequest &, const Router::Params &p) {
                   const auto *s = ctx.catalog.service(p.at(0));
                   return s ? HttpResponse::json(200, ctx.render.service(*s)) : serviceNotFound();
               });
    router.add("GET", QStringLiteral("/addon-services/{}/plans"),
               [&ctx](const HttpRequest &r, const Router::Params &p) {
                   const auto *s = ctx.catalog.service(p.at(0));
                   if (!s)
                       return serviceNotFound();
                   QList<QJsonObject> items;
                   for (const auto &plan : s->plans)
                       items.append(ctx.render.plan(plan, *s));
                   return ListPager::respond(r, items);
               });
    router.add("GET", QStringLiteral("/addon-services/{}/plans/{}"),
               [&ctx](const HttpRequest &, const Router::Params &p) {
                   const auto *s = ctx.catalog.service(p.at(0));
                   if (!s)
                       return serviceNotFound();
                   const auto *plan = ctx.catalog.plan(p.at(1), s->name);
                   if (!plan || ctx.catalog.serviceOfPlan(plan->name) != s)
                       return planNotFound();
                   return HttpResponse::json(200, ctx.render.plan(*plan, *s));
               });
    router.add("GET", QStringLiteral("/plans/{}"), [&ctx](const HttpRequest &, const Router::Params &p) {
        const auto *plan = ctx.catalog.plan(p.at(0));
        if (!plan || (!p.at(0).contains(QLatin1Char(':')) && plan->id != p.at(0)))
            return planNotFound();
        return HttpResponse::json(200, ctx.render.plan(*plan, *ctx.catalog.serviceOfPlan(plan->name)));
    });
}
