// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QObject>
#include <QPointer>

class AppCatalog;
class AppDetailsPanel;
class ClearDbAddonCard;
class ConsoleSession;
class HerokuClient;
class MessageBar;
class QAction;
class QWidget;

// The add-on workflows of the main window: "Add ClearDB…" (ProvisionDialog), "Change
// plan…" (PlanChangeDialog) and "Remove ClearDB…" (RemoveAddonDialog), as three actions
// with shortcuts, plus the ClearDbAddonCard under the add-on table.
//
//     auto *addonActions = new AddonActions(window, details, messageBar);
//     toolBar->addActions(addonActions->actions());
//     addonActions->setSession(session);   // on each MainWindow::sessionChanged()
//
// Change plan and Remove act on the ClearDB add-on selected in the details panel, or on
// the app's only ClearDB add-on. After a dialog succeeds the app's details are reloaded and
// the add-on is selected, so its URL shows (masked) with "Promote to DATABASE_URL" beside
// it; promoteRequested() is how the window routes that button to the promote flow. It
// never talks to the API except through the dialogs and the card. The dialogs close when
// their session retires (the user signed in again).
class AddonActions : public QObject
{
    Q_OBJECT
public:
    AddonActions(QWidget *window, AppDetailsPanel *details, MessageBar *messageBar);

    void setSession(ConsoleSession *session);
    QList<QAction *> actions() const;
    QAction *provisionAction() const { return m_provision; }
    QAction *changePlanAction() const { return m_changePlan; }
    QAction *removeAction() const { return m_remove; }
    ClearDbAddonCard *card() const { return m_card; }
    // The ClearDB add-on the plan and remove actions act on; empty name when none.
    HerokuAddon targetAddon() const;
    // How often the provision dialog polls Heroku while waiting (tests shorten it).
    void setPollInterval(int milliseconds) { m_pollIntervalMs = milliseconds; }

Q_SIGNALS:
    // "Promote to DATABASE_URL" was pressed for the ClearDB add-on of `app` whose URL is in
    // `urlVar`. The button is only shown once something is connected here (before setSession()).
    void promoteRequested(const QString &app, const QString &urlVar);

private:
    void openProvision();
    void openChangePlan();
    void openRemove();
    void reloadAndSelect(const QString &app, const QString &addon, const QString &notice);
    void onDetailsLoaded(const QString &app);
    void onCurrentAddonChanged(const QString &addon);
    void updateActions();
    QStringList clearDbAddonNames() const;
    // True (and says so in the message bar) when there is no single add-on to act on.
    bool askWhichAddon(const HerokuAddon &target);

    QWidget *m_window;
    AppDetailsPanel *m_details;
    MessageBar *m_messageBar;
    ClearDbAddonCard *m_card;
    QPointer<ConsoleSession> m_session;
    QPointer<HerokuClient> m_client;
    QPointer<AppCatalog> m_catalog;
    QAction *m_provision;
    QAction *m_changePlan;
    QAction *m_remove;
    QString m_pendingApp; // select m_pendingAddon once this app's details arrive
    QString m_pendingAddon;
    int m_pollIntervalMs = 2000;
};
