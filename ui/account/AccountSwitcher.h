// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/AccountDirectory.h"
#include "session/ConsoleConnection.h"

#include <QObject>
#include <QProcessEnvironment>

class CredentialStore;
class QMenu;
class QWidget;

// The Account menu's "Switch account" submenu: the stored accounts (AccountDirectory: the Heroku CLI's
// accounts in the OS store, its current one, and the one signed in here), the one in use checked. Choosing
// one remembers it (AccountChoice, as `cleardbctl accounts use` does), finds its token the way the console's
// start does (CredentialResolver) and hands the connection on through switched(); MainWindow::open() signs in
// with it and retires the old session. The list is read again each time the menu opens, off the GUI thread's
// critical path (the stores answer asynchronously). A failure is one line through failed().
//
//     auto *switcher = new AccountSwitcher(window);
//     accountMenu->addMenu(switcher->menu());
//     switcher->setConnection(connection);            // on each new session
//     connect(switcher, &AccountSwitcher::switched, window, &MainWindow::open);
//
// objectNames: switchAccountMenu; its actions are named "switchAccount:<email>".
class AccountSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit AccountSwitcher(QWidget *window);

    QMenu *menu() const { return m_menu; }
    void setConnection(const ConsoleConnection &connection) { m_connection = connection; }
    // For tests: the Heroku CLI's store (default HerokuCliStore::create()), our own keychain (default
    // KeychainCredentialStore, read only for the account signed in here), the environment (HOME, XDG_*).
    void setHerokuCliStore(CredentialStore *store) { m_herokuCliStore = store; }
    void setOwnStore(CredentialStore *store) { m_ownStore = store; }
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void refresh();
    void switchTo(const QString &email);

Q_SIGNALS:
    void refreshed();
    void switched(const ConsoleConnection &connection);
    void failed(const QString &message);

private:
    void fill(const QList<StoredAccount> &accounts, const QStringList &warnings);
    CredentialStore *herokuCliStore();
    CredentialStore *ownStore();
    ApiEndpoint endpoint() const;

    QMenu *m_menu;
    ConsoleConnection m_connection;
    CredentialStore *m_herokuCliStore = nullptr;
    CredentialStore *m_ownStore = nullptr;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
};
