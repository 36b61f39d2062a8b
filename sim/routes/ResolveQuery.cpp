// SPDX-License-Identifier: MIT
#include "sim/routes/ResolveQuery.h"

#include "sim/routes/SimContext.h"

#include <QJsonObject>

ResolveQuery ResolveQuery::parse(SimContext &ctx, const HttpRequest &request, const QString &key)
{
    ResolveQuery query;
    const Result<QJsonObject> parsed = SimContext::jsonBody(request);
    if (!parsed) {
        query.error = SimContext::badRequest(parsed.error());
        return query;
    }
    const QJsonObject &body = parsed.value();
    query.identifier = body.value(key).toString();
    QString appName = body.value(QStringLiteral("app")).toString();
    query.service = body.value(QStringLiteral("addon_service")).toString();
    if (query.identifier.isEmpty()) {
        query.error = SimContext::invalidParams(QStringLiteral("Missing required param: %1.").arg(key));
        return query;
    }
    // "app::name" scopes the name to one app, as the CLI writes it.
    if (query.identifier.contains(QStringLiteral("::"))) {
        appName = query.identifier.section(QStringLiteral("::"), 0, 0);
        query.identifier = query.identifier.section(QStringLiteral("::"), 1);
    }
    query.app = appName.isEmpty() ? nullptr : ctx.visibleApp(appName);
    if (!appName.isEmpty() && !query.app) {
        query.error = SimContext::appNotFound();
        return query;
    }
    query.ok = true;
    return query;
}
