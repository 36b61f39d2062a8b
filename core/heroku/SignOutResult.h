// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/CredentialWriteResult.h"

#include <QStringList>

// What SignOut did: what it revoked at Heroku, what it could not revoke (one line
// each, saying what to do instead), what it deliberately left alone, and how the
// stored token was forgotten locally. No line ever holds the token.
struct SignOutResult
{
    // "the session", "the authorization “Heroku CLI login from host”".
    QStringList revoked;
    // "Could not revoke the session: <reason>. Revoke it under …".
    QStringList notRevoked;
    // Things left alone on purpose or found already gone: "Kept the account's API key …".
    QStringList notes;
    // Revoking was not attempted (--local-only, HEROKU_API_KEY, no stored token).
    bool revokeSkipped = false;
    // Forgetting the stored token (keychain, ~/.netrc); not run when SignOut has no writer.
    CredentialWriteResult local;
};
