// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "credentials/Secret.h"
#include "heroku/BrowserLoginResult.h"
#include "heroku/TokenLoginResult.h"

class CredentialStore;

// `cleardbctl login`: read an API token from stdin, check it with GET /account,
// and store it (core's TokenLogin, shared with the console's sign-in dialog:
// CredentialWriter puts it in the system keychain, else ~/.netrc 0600).
//
// The token is never accepted as an argument: argv is visible to every user on
// the machine through /proc and lands in shell history. On a terminal the prompt
// goes to stderr and echo is off; otherwise the first line of stdin is read
// (`cleardbctl login < token-file`, or a CI secret piped in). A token the API
// refuses is not stored. Prints the account e-mail and where the token went.
//
// `login --browser` signs in the Heroku CLI's way instead (core's BrowserLogin): it prints the
// address of Heroku's approval page on stderr, tries to open it (BrowserLauncher: $BROWSER, else
// xdg-open), waits for the approval, and stores the token it brings like the token login does.
// Ctrl+C cancels the wait; nothing is stored then.
//
// Either way, --also-heroku-cli then signs the Heroku CLI in with it too (HerokuCliSignIn).
class LoginCommand : public Command
{
    Q_OBJECT
public:
    LoginCommand(CommandContext *context, CredentialStore *store);

    QString name() const override { return QStringLiteral("login"); }
    QString summary() const override
    {
        return QStringLiteral("Store a Heroku API token (read from stdin), or sign in with --browser.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    void startBrowserLogin();
    void onFinished(const TokenLoginResult &result);
    void onBrowserFinished(const BrowserLoginOutcome &outcome);
    void report(const QString &email, const Secret &token, const CredentialWriteResult &stored);

    CredentialStore *m_store;
    bool m_browser = false;
    Secret m_token;
    bool m_alsoHerokuCli = false;
};
