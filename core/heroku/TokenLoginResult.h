// SPDX-License-Identifier: MIT
#pragma once

#include "HerokuError.h"
#include "credentials/CredentialWriteResult.h"

#include <QMetaType>
#include <QString>

// What TokenLogin did: the API's verdict on the token (GET /account) and, when it
// was accepted, where CredentialWriter stored it. A token the API refused was
// never stored: `stored` is then untouched (ok == false, no description).
struct TokenLoginResult
{
    HerokuError verifyError; // set when GET /account failed (401 for a wrong token)
    QString email;           // the account the token belongs to
    CredentialWriteResult stored;

    bool verified() const { return !verifyError.isError(); }
    bool ok() const { return verified() && stored.ok; }
};
Q_DECLARE_METATYPE(TokenLoginResult)
