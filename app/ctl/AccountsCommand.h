// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "credentials/AccountDirectory.h"

class CredentialStore;
struct CredentialResolution;

// `cleardbctl accounts`: the stored accounts one can switch between (AccountDirectory: the Heroku CLI's
// accounts in the OS store, its login.json's current one, the one picked here), the current one marked,
// and where the token in use comes from (CredentialResolver's description).
// `cleardbctl accounts use EMAIL`: use that stored account from now on, in cleardbctl and the console
// (AccountChoice, our own settings; the Heroku CLI's login.json is left alone). Only a listed account
// can be chosen, so a typo never leaves every later command without a token.
class AccountsCommand : public Command
{
    Q_OBJECT
public:
    AccountsCommand(CommandContext *context, CredentialStore *store);

    QString name() const override { return QStringLiteral("accounts"); }
    QString summary() const override
    {
        return QStringLiteral("List stored accounts and the token's source; `accounts use EMAIL` switches.");
    }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    void onListed(const QList<StoredAccount> &accounts, const QStringList &warnings);
    void report(const QList<StoredAccount> &accounts, const CredentialResolution &resolution);

    CredentialStore *m_store;
    QString m_use;
};
