// SPDX-License-Identifier: MIT
#pragma once

#include "session/ConsoleConnection.h"
#include "widgets/MessageBar.h"

#include <QMainWindow>
#include <QPointer>

class ActivityLogDock;
class AddonActions;
class BackupActions;
class MoveActions;
class AppCatalog;
class AppDetailsPanel;
class AppListView;
class FleetActions;
class AccountActions;
class AccountSwitcher;
class ConfigActions;
class ConsoleSession;
class DatabaseTabs;
class QAction;
class QNetworkAccessManager;
class StatusBarInfo;
struct HerokuError;

// The console's first window: apps on the left (with a filter), the selected
// app's add-ons and config var names on the right, an inline MessageBar for
// errors, and the account and API rate limit in the status bar.
//
//     MainWindow window(&network);
//     window.show();                 // shows "Connecting…" right away
//     window.open(connection);       // endpoint + token; loads account and apps
//
// The window itself is layout and wiring: data comes from the ConsoleSession that
// open() creates (its AppCatalog and HerokuClient); opening again retires the old
// session (its dialogs close) and emits sessionChanged(). Widgets
// are AppListView, AppDetailsPanel, MessageBar and StatusBarInfo. It does not
// resolve credentials or start heroku-sim (ConsoleStartup does), so a test can
// point it at any endpoint. The network manager is injected and shared.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~MainWindow() override;

    void open(const ConsoleConnection &connection);
    // Before open(): what the start-up sequence is doing ("Starting the sandbox…").
    void showConnecting(const QString &what);
    // The start-up sequence failed; the window stays up and says why.
    void showStartupError(const QString &message);
    // A notice from outside the window (keychain warnings, the sandbox stopping).
    void showNotice(const QString &message, MessageBar::Type type);
    // Quitting has begun and waits for something (the sandbox stopping): the
    // window stays up, says so in the status bar and takes no more work.
    void showStopping(const QString &what);
    // From now on closing the window asks to quit (quitRequested()) instead of
    // closing; the owner of the shutdown calls it once, and lets the window go
    // with allowClose() when the shutdown is done.
    void setCloseRequestsQuit(bool requests) { m_closeRequestsQuit = requests; }
    void allowClose() { m_closeRequestsQuit = false; }
    bool isSandbox() const { return m_connection.sandbox; }
    // Selects this app as soon as the app list arrives (--select-app).
    void setInitialApp(const QString &name) { m_initialApp = name; }
    // The signed-in account (or sandbox) the window shows; null before open().
    ConsoleSession *session() const;
    DatabaseTabs *databaseTabs() const { return m_tabs; }
    ConfigActions *configActions() const { return m_configActions; }
    BackupActions *backupActions() const { return m_backupActions; }
    AccountActions *accountActions() const { return m_accountActions; }

Q_SIGNALS:
    // open() replaced the session; the previous one is retiring and goes from the event loop.
    void sessionChanged(ConsoleSession *session);
    // Once, after the first paint that shows apps: the start-up benchmark's finish line.
    void appsPainted(int count);
    // The add-ons and config var names of `app` are on screen.
    void appDetailsShown(const QString &app);
    // An error is on screen in the message bar (start-up or an API call); one line.
    void loadFailed(const QString &message);
    // The user closed the window (or chose Quit) while setCloseRequestsQuit(true).
    void quitRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpToolBar();
    void refresh();
    void onFailed(const QString &what, const HerokuError &error);
    void onAppSelected(const QString &name);

    QNetworkAccessManager *m_network;
    ConsoleConnection m_connection;
    QPointer<ConsoleSession> m_session;
    MessageBar *m_messageBar;
    AppListView *m_appList;
    AppDetailsPanel *m_details;
    StatusBarInfo *m_statusInfo;
    QString m_initialApp;
    QAction *m_refresh = nullptr;
    QAction *m_sandboxBadge = nullptr;
    DatabaseTabs *m_tabs = nullptr;
    AddonActions *m_addonActions = nullptr;
    BackupActions *m_backupActions = nullptr;
    MoveActions *m_moveActions = nullptr;
    FleetActions *m_fleetActions = nullptr;
    ConfigActions *m_configActions = nullptr;
    AccountActions *m_accountActions = nullptr;
    AccountSwitcher *m_accountSwitcher = nullptr;
    ActivityLogDock *m_activityLog = nullptr;
    bool m_closeRequestsQuit = false;
};
