// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// One OAuth authorization: an API token of an account. `isDefault` marks the account's "API key"
// (what GET /oauth/authorizations/~ answers and the dashboard shows); a browser login creates one
// with a session (`sessionId`), which DELETE /oauth/sessions/~ revokes together with its token.
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimAuthorization
{
    QString id;
    QString description;
    QString token;
    QString tokenId; // the access_token's own id
    QString accountId;
    QString sessionId; // empty: no session
    bool isDefault = false;
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimAuthorization *out);
};
