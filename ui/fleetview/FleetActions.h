// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class ConsoleSession;
class FleetWindow;
class QAction;
class QWidget;

// Account > Fleet… (Ctrl+Shift+F): opens the fleet window for the signed-in account, one at a time
// (a second trigger raises it). A new session closes the old account's window: its rows are that
// account's.
//
//     auto *fleet = new FleetActions(window);
//     connect(window, &MainWindow::sessionChanged, fleet, &FleetActions::setSession);
//     accountMenu->addAction(fleet->fleetAction());
class FleetActions : public QObject
{
    Q_OBJECT
public:
    explicit FleetActions(QWidget *window);

    void setSession(ConsoleSession *session);
    QAction *fleetAction() const { return m_fleet; }
    FleetWindow *fleetWindow() const;

private:
    void open();

    QWidget *m_window;
    QPointer<ConsoleSession> m_session;
    QPointer<FleetWindow> m_open;
    QAction *m_fleet;
};
