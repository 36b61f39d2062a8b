// SPDX-License-Identifier: MIT
#include "sim/routes/ConfigVarRoutes.h"

#include <QRegularExpression>

namespace {
QJsonObject configJson(const SimApp &app)
{
    QJsonObject out;
    for (auto it = app.config.cbegin(); it != app.config.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

HttpResponse patchConfig(SimContext &ctx, SimApp &app, const HttpRequest &request)
{
    const Result<QJsonObject> parsed = SimContext::jsonBody(request);
    if (!parsed)
        return SimContext::badRequest(parsed.error());
    const QJsonObject &body = parsed.value();
    static const QRegularExpression nameRe(QStringLiteral("^\\w+$"));
    const QStringList owned = ctx.state.ownedConfigVars(app.id);
    QMap<QString, QString> set;
    QStringList unset;
    QStringList refused;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!nameRe.match(it.key()).hasMatch())
            return SimContext::invalidParams(
                QStringLiteral("Config var name \"%1\" may contain only letters, digits and underscores.")
                    .arg(it.key()));
        if (owned.contains(it.key())) {
            refused.append(it.key());
            continue;
        }
        if (it.value().isNull())
            unset.append(it.key());
        else if (it.value().isString())
            set.insert(it.key(), it.value().toString());
        else
            return SimContext::invalidParams(
                QStringLiteral("Config var \"%1\" must be a string or null.").arg(it.key()));
    }
    if (!refused.isEmpty())
        return SimContext::invalidParams(
            QStringLiteral("Cannot overwrite attachment values %1.").arg(refused.join(QStringLiteral(", "))));
    ctx.state.updateConfig(app, set, unset, SimContext::now());
    ctx.changed();
    return HttpResponse::json(200, configJson(app));
}
} // namespace

void ConfigVarRoutes::install(Router &router, SimContext &ctx)
{
    router.add("GET", QStringLiteral("/apps/{}/config-vars"),
               ctx.forApp([&ctx](const HttpRequest &, SimApp &app, const Router::Params &) {
                   return HttpResponse::json(200, configJson(app));
               }));
    router.add("PATCH", QStringLiteral("/apps/{}/config-vars"),
               ctx.forApp([&ctx](const HttpRequest &r, SimApp &app, const Router::Params &) {
                   return patchConfig(ctx, app, r);
               }));
}
