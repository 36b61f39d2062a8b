// SPDX-License-Identifier: MIT
// SimState: accounts and their authorizations (API tokens).
#include "sim/state/SimState.h"

#include <QUuid>

namespace {
QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

const SimState::Account *SimState::account(const QString &idOrEmail) const
{
    for (const Account &a : accounts) {
        if (a.id == idOrEmail || a.email.compare(idOrEmail, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

bool SimState::canSee(const QString &accountId, const SimApp &app) const
{
    return app.ownerId == accountId;
}

const SimAuthorization *SimState::authorizationByToken(const QString &token) const
{
    if (token.isEmpty())
        return nullptr;
    for (const SimAuthorization &a : authorizations) {
        if (a.token == token)
            return &a;
    }
    return nullptr;
}

const SimAuthorization *SimState::authorization(const QString &id) const
{
    for (const SimAuthorization &a : authorizations) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

void SimState::setDefaultToken(const QString &accountId, const QString &token, const QDateTime &now)
{
    for (SimAuthorization &a : authorizations) {
        if (a.accountId == accountId && a.isDefault) {
            if (a.token != token) {
                a.token = token;
                a.updatedAt = now;
            }
            return;
        }
    }
    SimAuthorization a;
    a.id = newUuid();
    a.description = QStringLiteral("API key");
    a.token = token;
    a.tokenId = newUuid();
    a.accountId = accountId;
    a.isDefault = true;
    a.createdAt = now;
    a.updatedAt = now;
    authorizations.append(a);
}

const SimAuthorization &SimState::authorize(const QString &accountId, const QString &description,
                                            bool withSession, const QDateTime &now)
{
    SimAuthorization a;
    a.id = newUuid();
    a.description = description;
    a.token = QStringLiteral("HRKU-") + newUuid();
    a.tokenId = newUuid();
    a.accountId = accountId;
    if (withSession)
        a.sessionId = newUuid();
    a.createdAt = now;
    a.updatedAt = now;
    authorizations.append(a);
    return authorizations.last();
}

bool SimState::revoke(QString authorizationId)
{
    const auto gone = std::remove_if(authorizations.begin(), authorizations.end(),
                                     [&](const SimAuthorization &a) { return a.id == authorizationId; });
    const bool found = gone != authorizations.end();
    authorizations.erase(gone, authorizations.end());
    return found;
}
