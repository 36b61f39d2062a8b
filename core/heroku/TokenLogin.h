// SPDX-License-Identifier: MIT
#pragma once

#include "TokenLoginResult.h"
#include "credentials/Secret.h"

#include <QObject>
#include <QProcessEnvironment>

class CredentialStore;
class HerokuClient;

// Logging in with a Heroku API token, for `cleardbctl login` and the console's
// sign-in dialog: the token is checked with GET /account first and only stored
// (CredentialWriter: the system keychain, else ~/.netrc 0600) once Heroku has
// accepted it, so a mistyped or revoked token never replaces a working one.
//
//     auto *login = new TokenLogin(client, store, this);   // client points at the API
//     login->setHomeDir(home);
//     connect(login, &TokenLogin::finished, this, [](const TokenLoginResult &r) { ... });
//     login->login(Secret(pasted));
//
// The token is registered with SecretRedactor before anything is sent, so no log
// line can show it. The client is given the token (it is the one being checked);
// the store is injected so tests use an InMemoryCredentialStore. One result per
// login(), always from the event loop.
class TokenLogin : public QObject
{
    Q_OBJECT
public:
    TokenLogin(HerokuClient *client, CredentialStore *store, QObject *parent = nullptr);

    // ~/.netrc lives here when the keychain is unavailable (default: $HOME).
    void setHomeDir(const QString &home) { m_homeDir = home; }
    // Where the signed-in account is remembered (AccountChoice: XDG_CONFIG_HOME, HOME).
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void login(const Secret &token);

Q_SIGNALS:
    void finished(const TokenLoginResult &result);

private:
    void store(const QString &email, const Secret &token);

    HerokuClient *m_client;
    CredentialStore *m_store;
    QString m_homeDir;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};
