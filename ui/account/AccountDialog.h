// SPDX-License-Identifier: MIT
#pragma once

#include "session/ConsoleConnection.h"

#include <QDialog>

class CredentialStore;
class QLabel;
class QNetworkAccessManager;
struct SignOutResult;
class QPushButton;

// Where the console's credentials come from: the account, the API it
// talks to, and the source of the token in words that say what it means —
// HEROKU_API_KEY (which logging out cannot remove), the system keychain,
// ~/.netrc (shared with the Heroku CLI) or the local sandbox. "Sign in with a
// token…" asks for a new token (AccountActions opens LoginDialog); "Log out"
// signs out like `heroku logout` (SignOut): with a network set, it revokes the
// stored token's session and authorization at Heroku (never the account's API key,
// nor a HEROKU_API_KEY, Heroku CLI or sandbox token, which no sign-in here stored), then
// removes the stored token from the keychain and ~/.netrc through CredentialWriter,
// and says what it revoked, removed and could not revoke (one line each).
//
//     auto *account = new AccountDialog(connection, email, store, window);
//     account->open();
//
// objectNames: credentialSourceText, accountEmail, signInButton, logoutButton, logoutResult.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    AccountDialog(const ConsoleConnection &connection, const QString &email, CredentialStore *store,
                  QWidget *parent = nullptr);

    void setHomeDir(const QString &home) { m_homeDir = home; }
    // Where revoking requests go; without one, logging out only forgets the token here.
    void setNetwork(QNetworkAccessManager *network) { m_network = network; }
    // One sentence per kind of source; public so the status bar tooltip can reuse it.
    static QString explain(const ConsoleConnection &connection);

Q_SIGNALS:
    void signInRequested();
    void loggedOut(const QString &what);

private:
    void logout();
    void showLoggedOut(const SignOutResult &result);

    ConsoleConnection m_connection;
    CredentialStore *m_store;
    QString m_homeDir;
    QNetworkAccessManager *m_network = nullptr;
    QLabel *m_result;
    QPushButton *m_logout;
};
