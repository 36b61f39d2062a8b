// SPDX-License-Identifier: MIT
#include "sim/routes/AttachmentRoutes.h"

#include "sim/paging/ListPager.h"
#include "sim/routes/ResolveQuery.h"

namespace {
HttpResponse attachmentNotFound()
{
    // The CLI recognises this "resource" value when it falls back to resolving an add-on.
    return HttpResponse::error(404, QStringLiteral("not_found"),
                               QStringLiteral("Couldn't find that add on attachment."),
                               {{QStringLiteral("resource"), QStringLiteral("add_on attachment")}});
}

bool includesPlan(const HttpRequest &request)
{
    return request.header("accept-inclusion").contains("addon:plan");
}

HttpResponse list(SimContext &ctx, const HttpRequest &request, const QList<SimAttachment> &attachments)
{
    QList<QJsonObject> items;
    for (const SimAttachment &att : attachments)
        items.append(ctx.render.attachment(att, includesPlan(request)));
    return ListPager::respond(request, items);
}

HttpResponse resolve(SimContext &ctx, const HttpRequest &request)
{
    const ResolveQuery query = ResolveQuery::parse(ctx, request, QStringLiteral("addon_attachment"));
    if (!query.ok)
        return query.error;
    const QString &id = query.identifier;
    const QString &service = query.service;
    const SimApp *app = query.app;
    QList<SimAttachment> matches;
    for (const SimAttachment &att : std::as_const(ctx.state.attachments)) {
        if ((app && att.appId != app->id) || !ctx.canSee(att.appId))
            continue;
        const SimAddon *addon = ctx.state.addon(att.addonId);
        if (att.id != id && att.name != id && !(addon && addon->name == id))
            continue;
        if (!service.isEmpty() && addon && addon->plan.section(QLatin1Char(':'), 0, 0) != service)
            continue;
        matches.append(att);
    }
    if (matches.isEmpty())
        return attachmentNotFound();
    return list(ctx, request, matches);
}
} // namespace

void AttachmentRoutes::install(Router &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/addon-attachments"),
               [&ctx](const HttpRequest &r, const Router::Params &) {
                   QList<SimAttachment> seen;
                   for (const SimAttachment &att : std::as_const(ctx.state.attachments)) {
                       if (ctx.canSee(att.appId))
                           seen.append(att);
                   }
                   return list(ctx, r, seen);
               });
    router.add("GET", QStringLiteral("/addon-attachments/{}"),
               [&ctx](const HttpRequest &r, const Router::Params &p) {
                   const SimAttachment *att = ctx.state.attachment(p.at(0));
                   return att && ctx.canSee(att->appId)
                              ? HttpResponse::json(200, ctx.render.attachment(*att, includesPlan(r)))
                              : attachmentNotFound();
               });
    router.add("GET", QStringLiteral("/apps/{}/addon-attachments"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &) {
                   return list(ctx, r, ctx.state.attachmentsOfApp(app.id));
               }));
    router.add("GET", QStringLiteral("/apps/{}/addon-attachments/{}"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &p) {
                   for (const SimAttachment &att : ctx.state.attachmentsOfApp(app.id)) {
                       if (att.id == p.at(1) || att.name == p.at(1))
                           return HttpResponse::json(200, ctx.render.attachment(att, includesPlan(r)));
                   }
                   return attachmentNotFound();
               }));
    router.add("GET", QStringLiteral("/addons/{}/addon-attachments"),
               [&ctx](const HttpRequest &r, const Router::Params &p) {
                   const SimAddon *addon = ctx.state.addon(p.at(0));
                   return addon && ctx.canSee(addon->appId)
                              ? list(ctx, r, ctx.state.attachmentsOfAddon(addon->id))
                              : SimContext::addonNotFound();
               });
    router.add("POST", QStringLiteral("/actions/addon-attachments/resolve"),
               [&ctx](const HttpRequest &r, const Router::Params &) { return resolve(ctx, r); });
}
