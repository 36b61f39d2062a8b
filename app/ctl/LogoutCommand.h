// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

class CredentialStore;

// `cleardbctl logout`: forget the stored token for the current API host, in the
// system keychain and in ~/.netrc. The netrc entry is the Heroku CLI's too, so
// this logs the CLI out as well, as `heroku logout` does. It cannot unset
// HEROKU_API_KEY, and says so when that is set.
class LogoutCommand : public Command
{
    Q_OBJECT
public:
    LogoutCommand(CommandContext *context, CredentialStore *store);

    QString name() const override { return QStringLiteral("logout"); }
    QString summary() const override { return QStringLiteral("Forget the stored Heroku API token."); }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    CredentialStore *m_store;
};
