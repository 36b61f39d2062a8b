// SPDX-License-Identifier: MIT
#include "connection/DatabaseTabs.h"

#include "connection/ConnectionTab.h"
#include "connection/UsageTab.h"
#include "monitoring/MonitorView.h"

#include <QAction>

DatabaseTabs::DatabaseTabs(QWidget *details, QWidget *parent)
    : QTabWidget(parent), m_connection(new ConnectionTab(this)), m_monitor(new MonitorView(this)),
      m_usage(new UsageTab(this))
{
    setObjectName(QStringLiteral("databaseTabs"));
    setAccessibleName(tr("App views"));
    setDocumentMode(true);
    addTab(details, QIcon(QStringLiteral(":/icons/addon.svg")), tr("&Details"));
    addTab(m_connection, QIcon(QStringLiteral(":/icons/probe.svg")), tr("&Connection"));
    addTab(m_monitor, QIcon(QStringLiteral(":/icons/monitor-start.svg")), tr("&Monitor"));
    addTab(m_usage, QIcon(QStringLiteral(":/icons/plan.svg")), tr("&Usage"));
    addSwitchAction(0, QStringLiteral("showDetailsAction"), tr("Show app details"));
    addSwitchAction(1, QStringLiteral("showConnectionAction"), tr("Show connection test"));
    addSwitchAction(2, QStringLiteral("showMonitorAction"), tr("Show failover monitor"));
    m_showUsage = addSwitchAction(3, QStringLiteral("showUsageAction"), tr("Show usage against the plan"));
    connect(m_connection, &ConnectionTab::databaseUrlChanged, m_monitor, &MonitorView::setDatabaseUrl);
    connect(m_connection, &ConnectionTab::databaseUrlChanged, m_usage, &UsageTab::setDatabaseUrl);
    connect(this, &QTabWidget::currentChanged, this, &DatabaseTabs::loadAppUrlIfShown);
}

QAction *DatabaseTabs::addSwitchAction(int index, const QString &name, const QString &text)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    // Window-wide: switching views must work wherever the focus is.
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    setTabToolTip(index, tr("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText)));
    connect(action, &QAction::triggered, this, [this, index] {
        setCurrentIndex(index);
        currentWidget()->setFocus();
    });
    return action;
}

void DatabaseTabs::setConnection(HerokuClient *client, bool sandbox)
{
    m_connection->setClient(client);
    m_usage->setClient(client);
    m_monitor->setSandboxMode(sandbox);
    // Another session: an app of the same name is another account's, with another URL.
    m_app.clear();
    m_loadedApp.clear();
    m_monitor->setAppName(QString());
}

void DatabaseTabs::setApp(const QString &app)
{
    m_app = app;
    m_monitor->setAppName(app);
    m_usage->setApp(app);
    loadAppUrlIfShown();
}

void DatabaseTabs::loadAppUrlIfShown()
{
    if (currentWidget() != m_connection && currentWidget() != m_monitor && currentWidget() != m_usage)
        return;
    if (m_app.isEmpty() || m_app == m_loadedApp)
        return;
    m_loadedApp = m_app;
    m_connection->setApp(m_app);
}
