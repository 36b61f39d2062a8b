// SPDX-License-Identifier: MIT
#pragma once

#include "session/ConsoleConnection.h"

#include <QDialog>

class CredentialStore;
class QLabel;
class QPushButton;

// Where the console's credentials come from: the account, the API it
// talks to, and the source of the token in words that say what it means —
// HEROKU_API_KEY (which logging out cannot remove), the system keychain,
// ~/.netrc (shared with the Heroku CLI) or the local sandbox. "Sign in with a
// token…" asks for a new token (AccountActions opens LoginDialog); "Log out"
// removes the stored token from the keychain and ~/.netrc through
// CredentialWriter and says what it removed.
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
    // One sentence per kind of source; public so the status bar tooltip can reuse it.
    static QString explain(const ConsoleConnection &connection);

Q_SIGNALS:
    void signInRequested();
    void loggedOut(const QString &what);

private:
    void logout();

    ConsoleConnection m_connection;
    CredentialStore *m_store;
    QString m_homeDir;
    QLabel *m_result;
    QPushButton *m_logout;
};
