// SPDX-License-Identifier: MIT
#pragma once

#include "sim/state/SimCatalog.h"
#include "sim/state/SimState.h"

#include <QJsonObject>

// Renders simulator records as Platform API resources (the shapes in platform-api-schema.json),
// so every route answers with the same representation of an app, add-on, attachment, etc.
//
// Add-ons always carry the expanded plan (with price) and addon_service (with human_name), as the
// CLI asks for with Accept-Expansion (the schema leaves those objects open). An attachment's
// "addon" object is closed in the schema, so addon.plan appears only when the client asks for it
// with "Accept-Inclusion: addon:plan", as Heroku does.
class ResourceRenderer
{
public:
    ResourceRenderer(SimState &state, const SimCatalog &catalog) : m_state(state), m_catalog(catalog) {}

    QJsonObject account(const SimState::Account &account) const;
    // Tokens are shown redacted, as Heroku lists them: only a new login's answer carries one whole.
    QJsonObject authorization(const SimAuthorization &authorization) const;
    static QString redactedToken(const QString &token);
    QJsonObject app(const SimApp &app) const;
    QJsonObject addon(const SimAddon &addon) const;
    QJsonObject attachment(const SimAttachment &attachment, bool includeAddonPlan = false) const;
    QJsonObject release(const SimRelease &release, bool current) const;
    QJsonObject dyno(const SimDyno &dyno) const;
    QJsonObject plan(const SimCatalog::Plan &plan, const SimCatalog::Service &service) const;
    QJsonObject service(const SimCatalog::Service &service) const;
    static QString time(const QDateTime &when);

private:
    QJsonObject appRef(const QString &appId) const;
    QJsonObject ownerRef(const QString &accountId) const;
    QJsonObject planRef(const QString &qualifiedPlan) const;

    SimState &m_state;
    const SimCatalog &m_catalog;
};
