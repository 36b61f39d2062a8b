// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QProcessEnvironment>
#include <QString>

// Which stored account cleardbctl and the console use, when the user picked one (`cleardbctl accounts
// use EMAIL`, the console's Account → Switch account): kept in our own settings,
// $XDG_CONFIG_HOME/cleardb-console/accounts.json (else ~/.config/…), as {"chosen": {"<API host>":
// "<email>"}}, dir 0700, file 0600. Per API host, like our keychain entries, so choosing an account
// for heroku-sim never changes the one used for api.heroku.com.
//
// Deliberately not the Heroku CLI's login.json: switching here does not switch the CLI (`heroku
// accounts:set` / "also sign in the Heroku CLI" do that). CredentialResolver asks chosen() before it
// reads login.json. No secret is ever written here, only e-mails. The file is read with a size cap.
class AccountChoice
{
public:
    static QString filePath(const QProcessEnvironment &environment);
    // Empty when nothing was chosen for `apiHost` (or the file is missing or unreadable).
    static QString chosen(const QProcessEnvironment &environment, const QString &apiHost);
    // An empty email forgets the choice for `apiHost`.
    static Status choose(const QProcessEnvironment &environment, const QString &apiHost,
                         const QString &email);
};
