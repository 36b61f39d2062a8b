// SPDX-License-Identifier: MIT
#pragma once

#include "Secret.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

// Where the Heroku token came from, and what to tell the user about it.
struct CredentialResolution
{
    enum class Source
    {
        Environment, // HEROKU_API_KEY
        HerokuCli,   // the Heroku CLI's login: login.json's account, its token from the OS store (heroku-cli)
        Keychain,    // the system keychain (KeychainCredentialStore)
        Netrc,       // ~/.netrc, `machine <api host>`, password field
        Sandbox,     // the local heroku-sim token; chosen by the programs, never by CredentialResolver
        None,
    };

    Source source = Source::None;
    Secret token;
    QString login; // the account e-mail, when known (netrc login, the Heroku CLI's account)
    // "from HEROKU_API_KEY", "from ~/.netrc (line 12)", "from the Heroku CLI's login (GNOME Keyring /
    // Secret Service, user@example.com)"; for None the error's line
    QString description;
    // Success once a token was found; else why nothing was found and how to log in (InvalidInput for a
    // broken ~/.netrc, Unauthorized when there is nothing at all).
    Status outcome =
        makeError(Error::Kind::Unauthorized, QStringLiteral("no Heroku credentials were looked up"));
    // Things worth showing even on success: a world-readable ~/.netrc, a keychain
    // that was unavailable, a netrc entry without a password.
    QStringList warnings;

    bool hasToken() const { return outcome.ok() && source != Source::None && !token.isEmpty(); }

    static QString sourceName(Source source);
    // For the programs' sandbox mode (heroku-sim on this machine).
    static CredentialResolution sandbox(const Secret &token);
};
