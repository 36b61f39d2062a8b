// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/CredentialWriteResult.h"
#include "credentials/Secret.h"

#include <QMetaType>
#include <QString>

// What a browser sign-in ended with once Heroku approved it: the account (GET /account),
// the access token (for the connection the console opens right away) and where
// CredentialWriter stored it. Failures (refused, cancelled, unreachable, not stored)
// are the Error side of BrowserLoginOutcome.
struct BrowserLoginResult
{
    QString email;
    Secret token;
    CredentialWriteResult stored;
};

Q_DECLARE_METATYPE(BrowserLoginResult)

using BrowserLoginOutcome = Result<BrowserLoginResult>;
Q_DECLARE_METATYPE(BrowserLoginOutcome)
