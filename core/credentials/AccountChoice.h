// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>

#include <functional>

// Which stored account cleardbctl and the console use, when the user picked one (`cleardbctl accounts
// use EMAIL`, the console's Account → Switch account, or by signing in here): kept in our own settings,
// $XDG_CONFIG_HOME/cleardb-console/accounts.json (else ~/.config/…), as {"chosen": {"<API host>":
// "<email>"}, "own": {"<API host>": "<email>"}}, dir 0700, file 0600. Per API host, like our keychain
// entries, so choosing an account for heroku-sim never changes the one used for api.heroku.com.
//
// "own" names the account whose token our own login holds (keychain service "cleardb-console", account =
// API host, else ~/.netrc), which records no e-mail itself. Signing in here chooses that account: the
// user just said who they want to be, and the Heroku CLI's login.json, which may name someone else, must
// not win on the next start. Signing out here forgets both.
//
// Deliberately not the Heroku CLI's login.json: switching here does not switch the CLI (`heroku
// accounts:set` / "also sign in the Heroku CLI" do that). CredentialResolver asks chosen() before it
// reads login.json. No secret is ever written here, only e-mails. The file is read with a size cap.
class AccountChoice
{
public:
    static QString filePath(const QProcessEnvironment &environment);
    // Both entries for `apiHost` from one read of the file (empty where none).
    struct ForHost
    {
        QString chosen;
        QString own;
    };
    static ForHost forHost(const QProcessEnvironment &environment, const QString &apiHost);
    // Empty when nothing was chosen for `apiHost` (or the file is missing or unreadable).
    static QString chosen(const QProcessEnvironment &environment, const QString &apiHost);
    // An empty email forgets the choice for `apiHost`.
    static Status choose(const QProcessEnvironment &environment, const QString &apiHost,
                         const QString &email);

    // The account our own login holds a token for; empty when none is recorded.
    static QString own(const QProcessEnvironment &environment, const QString &apiHost);
    // After a login here: `email` is our own login's account, and the chosen one.
    static Status signedInHere(const QProcessEnvironment &environment, const QString &apiHost,
                               const QString &email);
    // After a logout here: forgets our own login's account, and the choice when it was that account.
    static Status signedOutHere(const QProcessEnvironment &environment, const QString &apiHost);

private:
    static Status update(const QProcessEnvironment &environment,
                         const std::function<void(QJsonObject &)> &change);
};
