// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include "sim/state/SimAddon.h"
#include "sim/state/SimApp.h"
#include "sim/state/SimAttachment.h"
#include "sim/state/SimAuthorization.h"
#include "sim/state/SimDyno.h"
#include "sim/state/SimRelease.h"
#include "sim/state/SimTeam.h"

#include <QJsonObject>
#include <QList>

// Everything heroku-sim remembers: the accounts and their API tokens (authorizations), the apps,
// add-ons, attachments, releases and dynos.
//
// The domain rules live here so every route applies them the same way: an add-on's attachment owns
// the config var <ATTACHMENT>_URL, which appears only once the add-on is provisioned and disappears
// with it; every config or add-on change cuts a release. Lookups accept an id or a name, like the
// Platform API's "id_or_name" identities. toJson()/fromJson() are the --state file format.
class SimState
{
public:
    struct Account
    {
        QString id;
        QString email;
        QString name;
        QDateTime createdAt;
    };

    QList<Account> accounts; // never empty; the first is the default (seeded) account
    QList<SimAuthorization> authorizations;
    QList<SimTeam> teams;
    QList<SimApp> apps;
    QList<SimAddon> addons;
    QList<SimAttachment> attachments;
    QList<SimRelease> releases;
    QList<SimDyno> dynos;
    int serial = 0; // feeds deterministic add-on names

    const Account &defaultAccount() const { return accounts.first(); }
    const Account *account(const QString &idOrEmail) const;
    // The account owns the app or is a member of the team that owns it.
    bool canSee(const QString &accountId, const SimApp &app) const;
    const SimTeam *team(const QString &idOrName) const;
    // The teams the account is a member of.
    QList<SimTeam> teamsOf(const QString &accountId) const;
    const SimAuthorization *authorizationByToken(const QString &token) const;
    const SimAuthorization *authorization(const QString &id) const;
    // The account's API key (default authorization) gets `token`; made when it has none.
    void setDefaultToken(const QString &accountId, const QString &token, const QDateTime &now);
    // A new token for the account ("HRKU-" + uuid, like Heroku's), with a session when
    // `withSession` (a browser login).
    const SimAuthorization &authorize(const QString &accountId, const QString &description, bool withSession,
                                      const QDateTime &now);
    // Removes the authorization; its token stops working. False when there is none with that id.
    // (By value: callers pass the id of an element this call moves.)
    bool revoke(QString authorizationId);

    SimApp *app(const QString &idOrName);
    SimAddon *addon(const QString &idOrName);
    SimAttachment *attachment(const QString &id);
    QList<SimAttachment> attachmentsOfApp(const QString &appId) const;
    QList<SimAttachment> attachmentsOfAddon(const QString &addonId) const;
    QList<SimRelease> releasesOfApp(const QString &appId) const;
    QList<SimDyno> dynosOfApp(const QString &appId) const;
    // Config vars of `appId` that belong to an attachment (and so cannot be set or unset by hand).
    QStringList ownedConfigVars(const QString &appId) const;
    QStringList configVarNamesOf(const SimAddon &addon) const;
    bool attachmentNameTaken(const QString &appId, const QString &name) const;

    SimAddon &createAddon(SimApp &app, const QString &plan, const QString &name,
                          const QString &attachmentName, const QDateTime &now);
    // Marks the add-on provisioned and publishes its URL through its attachments' config vars. An
    // add-on provisioned again (a seeded one that heroku-sim --sandbox-cluster gives a real database
    // in place of its placeholder URL) takes along the vars of its apps that held the old URL, as a
    // promoted DATABASE_URL does: they were copies of it, not URLs of their own.
    void completeProvisioning(const QString &addonId, const QString &databaseUrl, const QDateTime &now);
    void failProvisioning(const QString &addonId, const QDateTime &now);
    SimAddon destroyAddon(const QString &addonId, const QDateTime &now);
    void changePlan(SimAddon &addon, const QString &plan, const QDateTime &now);
    void updateConfig(SimApp &app, const QMap<QString, QString> &set, const QStringList &unset,
                      const QDateTime &now);
    SimRelease &addRelease(SimApp &app, const QString &description, const QDateTime &now);
    QString nextAddonName(const QString &service);

    QJsonObject toJson() const;
    static Result<SimState> fromJson(const QJsonObject &json);
};
