// SPDX-License-Identifier: MIT
#include "sim/routes/ResourceRenderer.h"

#include <QJsonArray>

namespace {
QJsonObject price(int cents)
{
    return {{QStringLiteral("cents"), cents},
            {QStringLiteral("contract"), false},
            {QStringLiteral("unit"), QStringLiteral("month")}};
}

QJsonObject named(const QString &kind, const QString &name)
{
    return {{QStringLiteral("id"), SimCatalog::stableId(kind, name)}, {QStringLiteral("name"), name}};
}
} // namespace

QString ResourceRenderer::time(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODate);
}

QJsonObject ResourceRenderer::account(const SimState::Account &a) const
{
    return {{QStringLiteral("allow_tracking"), false},
            {QStringLiteral("beta"), false},
            {QStringLiteral("created_at"), time(a.createdAt)},
            {QStringLiteral("email"), a.email},
            {QStringLiteral("federated"), false},
            {QStringLiteral("id"), a.id},
            {QStringLiteral("identity_provider"), QJsonValue::Null},
            {QStringLiteral("last_login"), time(a.createdAt)},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("sms_number"), QJsonValue::Null},
            {QStringLiteral("suspended_at"), QJsonValue::Null},
            {QStringLiteral("delinquent_at"), QJsonValue::Null},
            {QStringLiteral("two_factor_authentication"), false},
            {QStringLiteral("updated_at"), time(a.createdAt)},
            {QStringLiteral("verified"), true},
            {QStringLiteral("country_of_residence"), QJsonValue::Null},
            {QStringLiteral("default_organization"), QJsonValue::Null},
            {QStringLiteral("default_team"), QJsonValue::Null}};
}

QJsonObject ResourceRenderer::ownerRef(const QString &accountId) const
{
    const SimState::Account *a = m_state.account(accountId);
    const SimState::Account &owner = a ? *a : m_state.defaultAccount();
    return {{QStringLiteral("email"), owner.email}, {QStringLiteral("id"), owner.id}};
}

QString ResourceRenderer::redactedToken(const QString &token)
{
    // The Heroku CLI's logout matches "<prefix>**********<suffix>" against its token
    // (isCurrentOAuthToken in @heroku-cli/command's login.js).
    if (token.size() < 16)
        return token.left(2) + QStringLiteral("**********");
    return token.left(8) + QStringLiteral("**********") + token.right(4);
}

QJsonObject ResourceRenderer::authorization(const SimAuthorization &a) const
{
    const SimState::Account *account = m_state.account(a.accountId);
    const QJsonValue session = a.sessionId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                     : QJsonObject{{QStringLiteral("id"), a.sessionId}};
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("description"), a.description},
            {QStringLiteral("scope"), QJsonArray{QStringLiteral("global")}},
            {QStringLiteral("created_at"), time(a.createdAt)},
            {QStringLiteral("updated_at"), time(a.updatedAt)},
            {QStringLiteral("access_token"), QJsonObject{{QStringLiteral("expires_in"), QJsonValue::Null},
                                                         {QStringLiteral("id"), a.tokenId},
                                                         {QStringLiteral("token"), redactedToken(a.token)}}},
            {QStringLiteral("refresh_token"), QJsonValue::Null},
            {QStringLiteral("client"), QJsonValue::Null},
            {QStringLiteral("grant"), QJsonValue::Null},
            {QStringLiteral("session"), session},
            {QStringLiteral("user"),
             QJsonObject{{QStringLiteral("id"), a.accountId},
                         {QStringLiteral("email"), account ? account->email : QString()},
                         {QStringLiteral("full_name"), account ? account->name : QString()}}}};
}

QJsonObject ResourceRenderer::appRef(const QString &appId) const
{
    const SimApp *a = m_state.app(appId);
    return {{QStringLiteral("id"), appId}, {QStringLiteral("name"), a ? a->name : QString()}};
}

QJsonObject ResourceRenderer::planRef(const QString &qualifiedPlan) const
{
    const SimCatalog::Plan *p = m_catalog.plan(qualifiedPlan);
    return {{QStringLiteral("id"), p ? p->id : SimCatalog::stableId(QStringLiteral("plan"), qualifiedPlan)},
            {QStringLiteral("name"), qualifiedPlan},
            {QStringLiteral("human_name"), p ? p->humanName : qualifiedPlan},
            {QStringLiteral("price"), price(p ? p->priceCents : 0)}};
}

QJsonObject ResourceRenderer::app(const SimApp &a) const
{
    const QJsonObject stack = named(QStringLiteral("stack"), QStringLiteral("heroku-22"));
    return {{QStringLiteral("acm"), false},
            {QStringLiteral("archived_at"), QJsonValue::Null},
            {QStringLiteral("buildpack_provided_description"), QStringLiteral("Python")},
            {QStringLiteral("build_stack"), stack},
            {QStringLiteral("created_at"), time(a.createdAt)},
            {QStringLiteral("generation"), named(QStringLiteral("generation"), QStringLiteral("cedar"))},
            {QStringLiteral("git_url"), QStringLiteral("https://git.heroku.com/%1.git").arg(a.name)},
            {QStringLiteral("id"), a.id},
            {QStringLiteral("internal_routing"), QJsonValue::Null},
            {QStringLiteral("maintenance"), false},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("owner"), ownerRef(a.ownerId)},
            {QStringLiteral("organization"), QJsonValue::Null},
            {QStringLiteral("team"), QJsonValue::Null},
            {QStringLiteral("region"), named(QStringLiteral("region"), QStringLiteral("us"))},
            {QStringLiteral("released_at"), time(a.updatedAt)},
            {QStringLiteral("repo_size"), QJsonValue::Null},
            {QStringLiteral("slug_size"), QJsonValue::Null},
            {QStringLiteral("space"), QJsonValue::Null},
            {QStringLiteral("stack"), stack},
            {QStringLiteral("updated_at"), time(a.updatedAt)},
            {QStringLiteral("web_url"), QStringLiteral("https://%1.herokuapp.com/").arg(a.name)}};
}

QJsonObject ResourceRenderer::addon(const SimAddon &a) const
{
    const SimCatalog::Service *svc = m_catalog.serviceOfPlan(a.plan);
    const SimCatalog::Plan *p = m_catalog.plan(a.plan);
    const QJsonObject owner = appRef(a.appId);
    QJsonObject billing = owner;
    billing.insert(QStringLiteral("type"), QStringLiteral("app"));
    return {{QStringLiteral("actions"), QJsonArray()},
            {QStringLiteral("addon_service"),
             QJsonObject{{QStringLiteral("id"), svc ? svc->id : QString()},
                         {QStringLiteral("name"), svc ? svc->name : QString()},
                         {QStringLiteral("human_name"), svc ? svc->humanName : QString()}}},
            {QStringLiteral("billing_entity"), billing},
            {QStringLiteral("app"), owner},
            {QStringLiteral("billed_price"), price(p ? p->priceCents : 0)},
            {QStringLiteral("config_vars"), QJsonArray::fromStringList(m_state.configVarNamesOf(a))},
            {QStringLiteral("created_at"), time(a.createdAt)},
            {QStringLiteral("id"), a.id},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("plan"), planRef(a.plan)},
            {QStringLiteral("provider_id"), a.providerId},
            {QStringLiteral("state"), a.state},
            {QStringLiteral("updated_at"), time(a.updatedAt)},
            {QStringLiteral("web_url"),
             QStringLiteral("https://addons-sso.heroku.com/apps/%1/addons/%2").arg(a.appId, a.id)}};
}

QJsonObject ResourceRenderer::attachment(const SimAttachment &t, bool includeAddonPlan) const
{
    const SimAddon *a = m_state.addon(t.addonId);
    QJsonObject addonRef{{QStringLiteral("id"), t.addonId},
                         {QStringLiteral("name"), a ? a->name : QString()},
                         {QStringLiteral("app"), appRef(a ? a->appId : t.appId)}};
    if (a && includeAddonPlan)
        addonRef.insert(QStringLiteral("plan"), planRef(a->plan));
    return {{QStringLiteral("addon"), addonRef},
            {QStringLiteral("app"), appRef(t.appId)},
            {QStringLiteral("config_vars"), QJsonArray::fromStringList({t.name + QStringLiteral("_URL")})},
            {QStringLiteral("created_at"), time(t.createdAt)},
            {QStringLiteral("id"), t.id},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("namespace"), QJsonValue::Null},
            {QStringLiteral("updated_at"), time(t.updatedAt)},
            {QStringLiteral("web_url"),
             QStringLiteral("https://addons-sso.heroku.com/apps/%1/addons/%2").arg(t.appId, t.addonId)},
            {QStringLiteral("log_input_url"), QJsonValue::Null}};
}

QJsonObject ResourceRenderer::release(const SimRelease &r, bool current) const
{
    const SimApp *owner = m_state.app(r.appId);
    return {{QStringLiteral("addon_plan_names"), QJsonArray::fromStringList(r.addonPlanNames)},
            {QStringLiteral("artifacts"), QJsonArray()},
            {QStringLiteral("app"), appRef(r.appId)},
            {QStringLiteral("created_at"), time(r.createdAt)},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("id"), r.id},
            {QStringLiteral("updated_at"), time(r.createdAt)},
            {QStringLiteral("slug"), QJsonValue::Null},
            {QStringLiteral("status"), QStringLiteral("succeeded")},
            {QStringLiteral("user"), ownerRef(owner ? owner->ownerId : QString())},
            {QStringLiteral("version"), r.version},
            {QStringLiteral("current"), current},
            {QStringLiteral("output_stream_url"), QJsonValue::Null},
            {QStringLiteral("eligible_for_rollback"), !current}};
}

QJsonObject ResourceRenderer::dyno(const SimDyno &d) const
{
    const SimApp *a = m_state.app(d.appId);
    QString releaseId;
    for (const SimRelease &r : m_state.releases) {
        if (r.appId == d.appId && a && r.version == a->releaseVersion)
            releaseId = r.id;
    }
    return {{QStringLiteral("attach_url"), QJsonValue::Null},
            {QStringLiteral("command"), d.command},
            {QStringLiteral("created_at"), time(d.createdAt)},
            {QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("release"), QJsonObject{{QStringLiteral("id"), releaseId},
                                                    {QStringLiteral("version"), a ? a->releaseVersion : 0}}},
            {QStringLiteral("app"), appRef(d.appId)},
            {QStringLiteral("size"), d.size},
            {QStringLiteral("state"), d.state},
            {QStringLiteral("type"), d.type},
            {QStringLiteral("updated_at"), time(d.updatedAt)}};
}

QJsonObject ResourceRenderer::plan(const SimCatalog::Plan &p, const SimCatalog::Service &s) const
{
    const QString when = time(SimCatalog::catalogDate());
    return {{QStringLiteral("addon_service"),
             QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name}}},
            {QStringLiteral("created_at"), when},
            {QStringLiteral("compliance"), QJsonValue::Null},
            {QStringLiteral("default"), p.isDefault},
            {QStringLiteral("description"), p.description},
            {QStringLiteral("human_name"), p.humanName},
            {QStringLiteral("id"), p.id},
            {QStringLiteral("installable_inside_private_network"), false},
            {QStringLiteral("installable_outside_private_network"), true},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("price"), price(p.priceCents)},
            {QStringLiteral("space_default"), false},
            {QStringLiteral("state"), QStringLiteral("public")},
            {QStringLiteral("updated_at"), when},
            {QStringLiteral("visible"), true}};
}

QJsonObject ResourceRenderer::service(const SimCatalog::Service &s) const
{
    const QString when = time(SimCatalog::catalogDate());
    return {{QStringLiteral("cli_plugin_name"), QJsonValue::Null},
            {QStringLiteral("created_at"), when},
            {QStringLiteral("human_name"), s.humanName},
            {QStringLiteral("id"), s.id},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("state"), QStringLiteral("ga")},
            {QStringLiteral("supports_multiple_installations"), true},
            {QStringLiteral("supports_sharing"), true},
            {QStringLiteral("updated_at"), when},
            {QStringLiteral("supported_generations"), QJsonArray()}};
}
