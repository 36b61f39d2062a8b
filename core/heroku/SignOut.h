// SPDX-License-Identifier: MIT
#pragma once

#include "SignOutResult.h"
#include "credentials/Secret.h"

#include <QJsonArray>
#include <QObject>
#include <QString>

class CredentialWriter;
class HerokuClient;
struct HerokuResult;

// Signing out the way the Heroku CLI's `heroku logout` does: revoke what the token
// opened at Heroku, then forget the stored token here.
//
//     auto *signOut = new SignOut(client, writer, this); // writer configured for host/home
//     connect(signOut, &SignOut::finished, this, [](const SignOutResult &r) { ... });
//     signOut->signOut(token);          // or signOut(Secret()) to only forget locally
//
// With the token it first reads GET /oauth/authorizations and GET /oauth/authorizations/~
// (the account's default authorization, the "API Key" the Dashboard shows), then sends
// DELETE /oauth/sessions/~ (a browser login's session; 404 not_found or 401 mean there
// is none), then, unless the token is that API key (left valid so an integration using
// it keeps working, and the result says so), DELETE /oauth/authorizations/{id} for each
// listed authorization whose token is this one (OAuthTokenMatch). The Heroku CLI sends
// the session's DELETE beside the reads; reading first keeps the reads from racing a
// session revoke that takes the token's authorization with it (the reads would then
// answer 401 and the result could not say what was revoked). An authorization DELETE
// answered 401 after the session was revoked went with the session. Every
// DELETE goes through HerokuClient::send() and is sent exactly once; the reads are
// HerokuClient's bounded reads. Then the stored token is forgotten with the writer
// (CredentialWriter::logout) whatever the revoking gave: the user asked to sign out,
// and what could not be revoked is reported, one line each with what to do.
// finished() is emitted once; the object stays alive until its owner deletes it.
class SignOut : public QObject
{
    Q_OBJECT
public:
    // `writer` may be null: then nothing is forgotten locally (result.local stays empty).
    SignOut(HerokuClient *client, CredentialWriter *writer, QObject *parent = nullptr);

    void signOut(const Secret &token);

Q_SIGNALS:
    void finished(const SignOutResult &result);

private:
    void onAuthorizations(const HerokuResult &result);
    void onDefault(const HerokuResult &result);
    void onReadsDone();
    void revokeSession();
    void onSession(const HerokuResult &result);
    void revokeAuthorizations();
    void onRevoked(const QString &label, const HerokuResult &result);
    void forget();

    HerokuClient *m_client;
    CredentialWriter *m_writer;
    Secret m_token;
    SignOutResult m_result;
    QJsonArray m_authorizations;
    QList<QJsonObject> m_toRevoke; // listed authorizations of this token
    QString m_defaultToken;
    QString m_listError;    // why the list could not be read
    QString m_defaultError; // why the default authorization could not be read
    int m_readsLeft = 0;
    int m_revokesLeft = 0;
    bool m_tokenRefused = false;
    bool m_sessionRevoked = false;
};
