// SPDX-License-Identifier: MIT
#pragma once

#include "ConsoleConnection.h"

#include <QObject>
#include <QPointer>

class AppCatalog;
class CredentialStore;
class HerokuClient;
class MessageBar;
class QAction;
class QNetworkAccessManager;
class QWidget;
struct ConfigAssignmentOutcome;

// The config and account workflows of the main window, as actions with shortcuts:
// "Config vars…" (ConfigVarsEditor), "Promote…" (the guide's step 3 through
// ConfigAssignmentDialog), "Dedicated cluster…" (DedicatedClusterDialog, assigning
// to the selected app), "Sign in…" (LoginDialog) and "Account…" (AccountDialog,
// where the credentials came from, log out).
//
//     auto *configActions = new ConfigActions(network, window, messageBar);
//     toolBar->addActions(configActions->actions());
//     configActions->setSession(client, catalog, connection);   // after each MainWindow::open()
//     connect(configActions, &ConfigActions::signedIn, window, &MainWindow::open);
//
// Results are reported in the window's MessageBar. The credential store defaults
// to the system keychain; tests inject an InMemoryCredentialStore and a home dir.
class ConfigActions : public QObject
{
    Q_OBJECT
public:
    ConfigActions(QNetworkAccessManager *network, QWidget *window, MessageBar *messageBar);

    void setSession(HerokuClient *client, AppCatalog *catalog, const ConsoleConnection &connection);
    void setCredentialStore(CredentialStore *store) { m_store = store; }
    void setHomeDir(const QString &home) { m_homeDir = home; }
    QList<QAction *> actions() const;
    QAction *configVarsAction() const { return m_configVars; }
    QAction *promoteAction() const { return m_promote; }
    QAction *dedicatedClusterAction() const { return m_dedicated; }
    QAction *signInAction() const { return m_signIn; }
    QAction *accountAction() const { return m_account; }

    // Promote on `app` (also the add-on card's "Promote to DATABASE_URL" button).
    void promote(const QString &app);

Q_SIGNALS:
    // A verified token was stored: the window re-opens with it.
    void signedIn(const ConsoleConnection &connection);

private:
    void openConfigVars();
    void openDedicatedCluster();
    void openSignIn();
    void openAccount();
    void onAssigned(const ConfigAssignmentOutcome &outcome);
    void updateActions();
    CredentialStore *store();

    QNetworkAccessManager *m_network;
    QWidget *m_window;
    MessageBar *m_messageBar;
    QPointer<HerokuClient> m_client;
    QPointer<AppCatalog> m_catalog;
    ConsoleConnection m_connection;
    QString m_email;
    CredentialStore *m_store = nullptr;
    QString m_homeDir;
    QAction *m_configVars;
    QAction *m_promote;
    QAction *m_dedicated;
    QAction *m_signIn;
    QAction *m_account;
};
