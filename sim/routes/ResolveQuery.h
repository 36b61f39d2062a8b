// SPDX-License-Identifier: MIT
#pragma once

#include "sim/http/HttpResponse.h"

#include <QString>

class SimContext;
struct HttpRequest;
struct SimApp;

// The body of POST /actions/addons/resolve and /actions/addon-attachments/resolve,
// which the Heroku CLI sends to turn what a user typed ("CLEARDB_DATABASE",
// "my-app::DATABASE", an id) into objects. Both actions share this parsing:
//     ResolveQuery query = ResolveQuery::parse(ctx, request, QStringLiteral("addon"));
//     if (!query.ok) return query.error;
struct ResolveQuery
{
    bool ok = false;
    HttpResponse error;
    QString identifier;          // the add-on or attachment part, "app::" prefix removed
    QString service;             // optional addon_service filter
    const SimApp *app = nullptr; // the app named in the body or the prefix, if any

    // `key` is the body field holding the identifier ("addon" or "addon_attachment").
    static ResolveQuery parse(SimContext &ctx, const HttpRequest &request, const QString &key);
};
