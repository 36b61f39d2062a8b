// SPDX-License-Identifier: MIT
#pragma once

#include "Secret.h"
#include "common/Result.h"

#include <QObject>
#include <QProcessEnvironment>

class CredentialStore;

// "Also sign in the Heroku CLI": after a login the user asked to share, leave the login where Heroku CLI
// 11 looks for it, exactly as `heroku login` does on this platform (credential-manager-core): the token
// in the OS store under service "heroku-cli", account = e-mail (on Linux a Secret Service item labelled
// "Heroku CLI" with attributes service/account, what `secret-tool store` writes), then login.json
// `{"account":"<email>"}` (dir 0700, file 0600) naming that account as the CLI's current one.
//
//     auto *share = new HerokuCliSignIn(HerokuCliStore::create(this), this);
//     connect(share, &HerokuCliSignIn::finished, this, [](const Status &s, const QString &what) { … });
//     share->signIn(email, token);
//
// Only ever on the user's explicit request (`cleardbctl login --also-heroku-cli`, the sign-in dialog's
// checkbox): the CLI's store is not ours to write otherwise. login.json is written only after the token
// is stored, so the CLI never names an account it has no token for. A null store (Windows) fails with
// HerokuCliStore::unsupportedReason(). One finished() per signIn(), from the event loop.
class HerokuCliSignIn : public QObject
{
    Q_OBJECT
public:
    HerokuCliSignIn(CredentialStore *store, QObject *parent = nullptr);

    // Where login.json goes (HerokuCliLoginState::dataDir); default: the process environment.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void signIn(const QString &email, const Secret &token);

Q_SIGNALS:
    // On success `description` says where: "the Heroku CLI is signed in as x (GNOME Keyring / …)".
    void finished(const Status &status, const QString &description);

private:
    CredentialStore *m_store;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};
