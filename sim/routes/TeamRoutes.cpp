// SPDX-License-Identifier: MIT
#include "sim/routes/TeamRoutes.h"

#include "sim/paging/ListPager.h"

namespace {
HttpResponse teamNotFound()
{
    return HttpResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Couldn't find that team."),
                               {{QStringLiteral("resource"), QStringLiteral("team")}});
}

// The team with that id or name if the caller is a member.
const SimTeam *callerTeam(const SimContext &ctx, const QString &idOrName)
{
    const SimTeam *t = ctx.state.team(idOrName);
    return t && t->members.contains(ctx.caller().id) ? t : nullptr;
}
} // namespace

void TeamRoutes::install(Router &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/teams"), [&ctx](const HttpRequest &r, const Router::Params &) {
        QList<QJsonObject> items;
        const QString caller = ctx.caller().id;
        for (const SimTeam &t : ctx.state.teamsOf(caller))
            items.append(ctx.render.team(t, caller));
        return ListPager::respond(r, items);
    });
    router.add("GET", QStringLiteral("/teams/{}"), [&ctx](const HttpRequest &, const Router::Params &p) {
        const SimTeam *t = callerTeam(ctx, p.at(0));
        return t ? HttpResponse::json(200, ctx.render.team(*t, ctx.caller().id)) : teamNotFound();
    });
    router.add("GET", QStringLiteral("/teams/{}/apps"),
               [&ctx](const HttpRequest &r, const Router::Params &p) {
                   const SimTeam *t = callerTeam(ctx, p.at(0));
                   if (!t)
                       return teamNotFound();
                   QList<QJsonObject> items;
                   for (const SimApp &a : std::as_const(ctx.state.apps)) {
                       if (a.teamId == t->id)
                           items.append(ctx.render.teamApp(a));
                   }
                   return ListPager::respond(r, items);
               });
}
