// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

class CredentialStore;
struct CredentialResolution;
struct SignOutResult;

// `cleardbctl logout`: sign out as `heroku logout` does. With the stored token
// (keychain, else ~/.netrc) it revokes at Heroku what that token opened — the
// browser login's session and the token's own authorization, never the account's
// API key (SignOut) — then forgets the token for the current API host, in the
// system keychain and in ~/.netrc. The netrc entry is the Heroku CLI's too, so this
// logs the CLI out as well. What could not be revoked is a warning each, with what to
// do; the exit status is 0 once the token is forgotten here, because that is what
// the user asked for and it happened. --local-only skips revoking (offline). It
// cannot unset HEROKU_API_KEY, says so when that is set, and then revokes nothing:
// that token was never stored here.
class LogoutCommand : public Command
{
    Q_OBJECT
public:
    LogoutCommand(CommandContext *context, CredentialStore *store);

    QString name() const override { return QStringLiteral("logout"); }
    QString summary() const override
    {
        return QStringLiteral("Revoke the stored Heroku API token's session and forget the token.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    void signOut(const CredentialResolution &resolution);
    void report(const SignOutResult &result);

    CredentialStore *m_store;
    bool m_localOnly = false;
    QString m_herokuCliAccount; // set when the token in use is the Heroku CLI's login, which is kept
};
