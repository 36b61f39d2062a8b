// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class AddonActions;
class ConsoleSession;
class MessageBar;
class QAction;
class QWidget;

// "Move database…" for the ClearDB add-on selected in the details panel, beside Back up… and
// Restore… (the App menu and the add-on table's context menu; not the toolbar, which has no room).
// Enabled only while the ClearDbAddonCard holds that add-on's URL, the wizard's default source.
//
//     auto *move = new MoveActions(window, addonActions, messageBar);
//     connect(window, &MainWindow::sessionChanged, move, &MoveActions::setSession);
//     appMenu->addAction(move->moveAction());
//     connect(move, &MoveActions::activity, log, &ActivityLogModel::appendAction);
//
// It opens a MoveWizard (with open(), never exec()) and forwards its activity rows. With a session,
// the wizard's last step can assign the new URL and remove the old add-on through its client.
class MoveActions : public QObject
{
    Q_OBJECT
public:
    MoveActions(QWidget *window, AddonActions *addons, MessageBar *messageBar);

    void setSession(ConsoleSession *session);

    QAction *moveAction() const { return m_move; }

Q_SIGNALS:
    void activity(const QString &action, const QString &subject, const QString &outcome, bool failed,
                  qint64 durationMs);

private:
    void updateAction();
    void openWizard();

    QWidget *m_window;
    AddonActions *m_addons;
    QPointer<ConsoleSession> m_session;
    MessageBar *m_messageBar;
    QAction *m_move;
};
