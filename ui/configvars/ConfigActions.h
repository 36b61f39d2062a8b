// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class AppCatalog;
class ConsoleSession;
class HerokuClient;
class MessageBar;
class QAction;
class QWidget;
struct ConfigAssignmentOutcome;

// The config workflows of the main window, as actions with shortcuts: "Config vars…"
// (ConfigVarsEditor), "Promote…" (the guide's step 3 through ConfigAssignmentDialog) and
// "Dedicated cluster…" (DedicatedClusterDialog, assigning to the selected app), and "Restart dynos…"
// (DynoRestart, the same question and single DELETE as the editor's Restart button; in the window's
// App menu, not the toolbar).
//
//     auto *configActions = new ConfigActions(window, messageBar);
//     toolBar->addActions(configActions->actions());
//     configActions->setSession(session);   // on each MainWindow::sessionChanged()
//
// Results are reported in the window's MessageBar. The dialogs close when their session retires.
class ConfigActions : public QObject
{
    Q_OBJECT
public:
    ConfigActions(QWidget *window, MessageBar *messageBar);

    void setSession(ConsoleSession *session);
    QList<QAction *> actions() const;
    QAction *configVarsAction() const { return m_configVars; }
    QAction *promoteAction() const { return m_promote; }
    QAction *dedicatedClusterAction() const { return m_dedicated; }
    QAction *restartAction() const { return m_restart; }

    // Promote on `app` (also the add-on card's "Promote to DATABASE_URL" button).
    void promote(const QString &app);

private:
    void openConfigVars();
    void openDedicatedCluster();
    void onAssigned(const ConfigAssignmentOutcome &outcome);
    void updateActions();

    QWidget *m_window;
    MessageBar *m_messageBar;
    QPointer<ConsoleSession> m_session;
    QPointer<HerokuClient> m_client;
    QPointer<AppCatalog> m_catalog;
    QAction *m_configVars;
    QAction *m_promote;
    QAction *m_dedicated;
    QAction *m_restart;
};
