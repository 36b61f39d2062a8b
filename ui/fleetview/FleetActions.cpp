// SPDX-License-Identifier: MIT
#include "fleetview/FleetActions.h"

#include "fleetview/FleetWindow.h"
#include "session/ConsoleSession.h"
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QWidget>

FleetActions::FleetActions(QWidget *window)
    : QObject(window), m_window(window),
      m_fleet(makeShortcutAction({QStringLiteral("fleetAction"), tr("&Fleet…"),
                                  tr("Every ClearDB database of the account: plans, cost, size and "
                                     "connections against the limits"),
                                  QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                                  QStringLiteral(":/icons/plan.svg")},
                                 window))
{
    m_fleet->setEnabled(false);
    connect(m_fleet, &QAction::triggered, this, &FleetActions::open);
}

FleetWindow *FleetActions::fleetWindow() const
{
    return m_open;
}

void FleetActions::setSession(ConsoleSession *session)
{
    m_session = session;
    m_fleet->setEnabled(session != nullptr);
    if (m_open)
        m_open->close();
}

void FleetActions::open()
{
    if (!m_session)
        return;
    if (m_open) {
        m_open->raise();
        m_open->activateWindow();
        return;
    }
    m_open = new FleetWindow(m_session->client(), m_window);
    m_open->show();
}
