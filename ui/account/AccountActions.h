// SPDX-License-Identifier: MIT
#pragma once

#include "session/ConsoleConnection.h"

#include <QObject>
#include <QPointer>

class ConsoleSession;
class CredentialStore;
class MessageBar;
class QAction;
class QNetworkAccessManager;
class QWidget;

// The account workflows of the main window, as actions with shortcuts: "Sign in…" (LoginDialog) and
// "Account…" (AccountDialog: where the credentials came from, log out).
//
//     auto *accountActions = new AccountActions(network, window, messageBar);
//     accountActions->setSession(session);   // on each MainWindow::sessionChanged()
//     connect(accountActions, &AccountActions::signedIn, window, &MainWindow::open);
//
// Results are reported in the window's MessageBar; the account view closes when its session retires. The
// credential store defaults to the system keychain; tests inject an InMemoryCredentialStore and a home dir.
class AccountActions : public QObject
{
    Q_OBJECT
public:
    AccountActions(QNetworkAccessManager *network, QWidget *window, MessageBar *messageBar);

    void setSession(ConsoleSession *session);
    void setCredentialStore(CredentialStore *store) { m_store = store; }
    void setHomeDir(const QString &home) { m_homeDir = home; }
    QList<QAction *> actions() const { return {m_signIn, m_account}; }
    QAction *signInAction() const { return m_signIn; }
    QAction *accountAction() const { return m_account; }

Q_SIGNALS:
    // A verified token was stored: the window re-opens with it.
    void signedIn(const ConsoleConnection &connection);

private:
    void openSignIn();
    void openAccount();
    CredentialStore *store();

    QNetworkAccessManager *m_network;
    QWidget *m_window;
    MessageBar *m_messageBar;
    QPointer<ConsoleSession> m_session;
    ConsoleConnection m_connection;
    QString m_email;
    CredentialStore *m_store = nullptr;
    QString m_homeDir;
    QAction *m_signIn;
    QAction *m_account;
};
