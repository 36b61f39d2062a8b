// SPDX-License-Identifier: MIT
#include "sim/routes/AddonRoutes.h"

#include "sim/paging/ListPager.h"
#include "sim/routes/ResolveQuery.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <variant>

namespace {
QString planIdentity(const QJsonValue &value)
{
    // The schema says a plan identity string; the CLI sends {"name": "cleardb:ignite"}.
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        return o.value(QStringLiteral("name")).toString(o.value(QStringLiteral("id")).toString());
    }
    return value.toString();
}

// The plan a create or plan change names; InvalidInput (Heroku answers 422) when it names none.
Result<QString> planFromBody(const QJsonObject &body)
{
    const QString planName = planIdentity(body.value(QStringLiteral("plan")));
    if (planName.isEmpty())
        return makeError(Error::Kind::InvalidInput, QStringLiteral("Missing required param: plan."));
    return planName;
}

struct PlanRequest
{
    QJsonObject body;
    QString plan;
};

// The body of a create or a plan change with its plan, or Heroku's answer when either is missing.
std::variant<PlanRequest, HttpResponse> readPlanRequest(const HttpRequest &request)
{
    const Result<QJsonObject> parsed = SimContext::jsonBody(request);
    if (!parsed)
        return SimContext::badRequest(parsed.error());
    const Result<QString> named = planFromBody(parsed.value());
    if (!named)
        return SimContext::invalidParams(named.error().message);
    return PlanRequest{parsed.value(), named.value()};
}

HttpResponse planNotFound(const QString &plan)
{
    return HttpResponse::error(
        404, QStringLiteral("not_found"),
        QStringLiteral("Couldn't find either the add-on service or the add-on plan of \"%1\".").arg(plan),
        {{QStringLiteral("resource"), QStringLiteral("plan")}});
}

bool relatedToApp(const SimState &state, const SimAddon &addon, const QString &appId)
{
    if (addon.appId == appId)
        return true;
    for (const SimAttachment &att : state.attachmentsOfAddon(addon.id)) {
        if (att.appId == appId)
            return true;
    }
    return false;
}

SimAddon *addonOfApp(SimState &state, const SimApp &app, const QString &idOrName)
{
    if (SimAddon *a = state.addon(idOrName))
        return relatedToApp(state, *a, app.id) ? a : nullptr;
    for (const SimAttachment &att : state.attachmentsOfApp(app.id)) {
        if (att.name == idOrName)
            return state.addon(att.addonId);
    }
    return nullptr;
}

QString uniqueAttachmentName(const SimState &state, const QString &appId, const QString &prefix)
{
    if (!state.attachmentNameTaken(appId, prefix))
        return prefix;
    // Heroku gives further attachments a color suffix (HEROKU_POSTGRESQL_AQUA).
    static const QStringList colors = {
        QStringLiteral("AQUA"),   QStringLiteral("BLUE"),   QStringLiteral("COPPER"), QStringLiteral("GOLD"),
        QStringLiteral("GREEN"),  QStringLiteral("MAROON"), QStringLiteral("NAVY"),   QStringLiteral("OLIVE"),
        QStringLiteral("PURPLE"), QStringLiteral("SILVER")};
    const QString base = prefix == QLatin1String("DATABASE") ? QStringLiteral("HEROKU_POSTGRESQL") : prefix;
    for (int round = 0;; ++round) {
        for (const QString &color : colors) {
            const QString name =
                base + QLatin1Char('_') + color + (round ? QString::number(round) : QString());
            if (!state.attachmentNameTaken(appId, name))
                return name;
        }
    }
}

HttpResponse create(SimContext &ctx, SimApp &app, const HttpRequest &request)
{
    const std::variant<PlanRequest, HttpResponse> read = readPlanRequest(request);
    if (const auto *answer = std::get_if<HttpResponse>(&read))
        return *answer;
    const auto &[body, planName] = std::get<PlanRequest>(read);
    const SimCatalog::Plan *plan = ctx.catalog.plan(planName);
    if (!plan)
        return planNotFound(planName);
    const SimCatalog::Service *service = ctx.catalog.serviceOfPlan(plan->name);

    QString name = body.value(QStringLiteral("name")).toString();
    static const QRegularExpression nameRe(QStringLiteral("^[a-zA-Z][A-Za-z0-9_-]+$"));
    if (!name.isEmpty() && !nameRe.match(name).hasMatch())
        return SimContext::invalidParams(
            QStringLiteral("Name must start with a letter and contain only letters, digits, '_' and '-'."));
    if (!name.isEmpty() && ctx.state.addon(name))
        return SimContext::invalidParams(
            QStringLiteral("Name %1 is already taken by another add-on.").arg(name));

    QString attachment = body.value(QStringLiteral("attachment"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString()
                             .toUpper();
    static const QRegularExpression attachmentRe(QStringLiteral("^[A-Z][A-Z0-9_]*$"));
    if (!attachment.isEmpty() && !attachmentRe.match(attachment).hasMatch())
        return SimContext::invalidParams(QStringLiteral(
            "Attachment name must start with a letter and contain only letters, digits and '_'."));
    if (!attachment.isEmpty() && ctx.state.attachmentNameTaken(app.id, attachment))
        return SimContext::invalidParams(
            QStringLiteral("Attachment name %1 is already taken on %2.").arg(attachment, app.name));
    if (attachment.isEmpty())
        attachment = uniqueAttachmentName(ctx.state, app.id, service->attachmentPrefix);
    if (name.isEmpty())
        name = ctx.state.nextAddonName(service->name);

    const SimAddon &addon = ctx.state.createAddon(app, plan->name, name, attachment, SimContext::now());
    ctx.changed();
    ctx.startProvisioning(addon);
    return HttpResponse::json(201, ctx.render.addon(addon));
}

HttpResponse update(SimContext &ctx, SimAddon &addon, const HttpRequest &request)
{
    const std::variant<PlanRequest, HttpResponse> read = readPlanRequest(request);
    if (const auto *answer = std::get_if<HttpResponse>(&read))
        return *answer;
    const auto &[body, planName] = std::get<PlanRequest>(read);
    const QString currentService = addon.plan.section(QLatin1Char(':'), 0, 0);
    const SimCatalog::Plan *plan = ctx.catalog.plan(planName, currentService);
    if (!plan)
        return planNotFound(planName);
    if (ctx.catalog.serviceOfPlan(plan->name)->name != currentService)
        return SimContext::invalidParams(
            QStringLiteral("Plan %1 belongs to another add-on service; %2 can only change to a %3 plan.")
                .arg(plan->name, addon.name, currentService));
    if (addon.state != QLatin1String("provisioned"))
        return SimContext::invalidParams(
            QStringLiteral("%1 is still provisioning; try again when it is ready.").arg(addon.name));
    if (plan->name == addon.plan)
        return SimContext::invalidParams(
            QStringLiteral("%1 is already on the %2 plan.").arg(addon.name, plan->name));
    ctx.state.changePlan(addon, plan->name, SimContext::now());
    ctx.changed();
    return HttpResponse::json(200, ctx.render.addon(addon));
}

HttpResponse resolve(SimContext &ctx, const HttpRequest &request)
{
    const ResolveQuery query = ResolveQuery::parse(ctx, request, QStringLiteral("addon"));
    if (!query.ok)
        return query.error;
    const QString &id = query.identifier;
    const QString &service = query.service;
    const SimApp *app = query.app;
    QList<QJsonObject> matches;
    QStringList seen;
    auto consider = [&](const SimAddon *a) {
        if (!a || seen.contains(a->id) || !ctx.canSee(a->appId))
            return;
        if (!service.isEmpty() && a->plan.section(QLatin1Char(':'), 0, 0) != service)
            return;
        seen.append(a->id);
        matches.append(ctx.render.addon(*a));
    };
    if (SimAddon *a = ctx.state.addon(id); a && (!app || relatedToApp(ctx.state, *a, app->id)))
        consider(a);
    if (app) {
        for (const SimAttachment &att : ctx.state.attachmentsOfApp(app->id)) {
            if (att.name == id)
                consider(ctx.state.addon(att.addonId));
        }
    }
    if (matches.isEmpty())
        return SimContext::addonNotFound();
    return ListPager::respond(request, matches);
}
} // namespace

void AddonRoutes::install(Router &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/addons"), [&ctx](const HttpRequest &r, const Router::Params &) {
        QList<QJsonObject> items;
        for (const SimAddon &a : std::as_const(ctx.state.addons)) {
            if (ctx.canSee(a.appId))
                items.append(ctx.render.addon(a));
        }
        return ListPager::respond(r, items);
    });
    router.add("GET", QStringLiteral("/addons/{}"), [&ctx](const HttpRequest &, const Router::Params &p) {
        const SimAddon *a = ctx.state.addon(p.at(0));
        return a && ctx.canSee(a->appId) ? HttpResponse::json(200, ctx.render.addon(*a))
                                         : SimContext::addonNotFound();
    });
    router.add("GET", QStringLiteral("/apps/{}/addons"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &) {
                   QList<QJsonObject> items;
                   for (const SimAddon &a : std::as_const(ctx.state.addons)) {
                       if (relatedToApp(ctx.state, a, app.id))
                           items.append(ctx.render.addon(a));
                   }
                   return ListPager::respond(r, items);
               }));
    router.add("POST", QStringLiteral("/apps/{}/addons"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &) {
                   return create(ctx, app, r);
               }));
    router.add("GET", QStringLiteral("/apps/{}/addons/{}"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &p) {
                   const SimAddon *a = addonOfApp(ctx.state, app, p.at(1));
                   return a ? HttpResponse::json(200, ctx.render.addon(*a)) : SimContext::addonNotFound();
               }));
    router.add("PATCH", QStringLiteral("/apps/{}/addons/{}"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &p) {
                   SimAddon *a = addonOfApp(ctx.state, app, p.at(1));
                   return a ? update(ctx, *a, r) : SimContext::addonNotFound();
               }));
    router.add("DELETE", QStringLiteral("/apps/{}/addons/{}"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &p) {
                   const SimAddon *a = addonOfApp(ctx.state, app, p.at(1));
                   if (!a)
                       return SimContext::addonNotFound();
                   const SimAddon gone = ctx.state.destroyAddon(a->id, SimContext::now());
                   ctx.changed();
                   ctx.released(gone);
                   QJsonObject json = ctx.render.addon(gone);
                   json.insert(QStringLiteral("config_vars"), QJsonArray());
                   return HttpResponse::json(200, json);
               }));
    router.add("POST", QStringLiteral("/actions/addons/resolve"),
               [&ctx](const HttpRequest &r, const Router::Params &) { return resolve(ctx, r); });
}
