// SPDX-License-Identifier: MIT
#pragma once

#include <QTabWidget>

class ConnectionTab;
class QAction;
class HerokuClient;
class MonitorView;
class UsageTab;

// The right side of the main window: the selected app's details, its Connection tab (probe
// waterfall, server identity, TLS card), the Monitor view (live latency, failover events, drill) and
// the Usage tab (size and connections against the plan's limits). Ctrl+1/2/3/4 switch between them
// from anywhere in the window. The connection tab loads the app's database URL and the monitor and the
// usage tab follow it, so all three always talk about the same database. The URL is fetched only once
// one of those tabs is opened for the app (one GET config-vars), so browsing apps in the Details tab
// costs no extra API calls.
//
//     auto *tabs = new DatabaseTabs(detailsPanel, this);
//     tabs->setConnection(client, connection.sandbox);   // after MainWindow::open()
//     tabs->setApp(name);                                 // on selection
class DatabaseTabs : public QTabWidget
{
    Q_OBJECT
public:
    DatabaseTabs(QWidget *details, QWidget *parent = nullptr);

    void setConnection(HerokuClient *client, bool sandbox);
    void setApp(const QString &app);
    ConnectionTab *connectionTab() const { return m_connection; }
    MonitorView *monitorView() const { return m_monitor; }
    UsageTab *usageTab() const { return m_usage; }
    // Ctrl+4: also on the add-on table's context menu, so the add-on leads to its usage.
    QAction *showUsageAction() const { return m_showUsage; }
    // Modest, so the splitter leaves the app list room at the default window size.
    QSize sizeHint() const override { return {560, QTabWidget::sizeHint().height()}; }

private:
    QAction *addSwitchAction(int index, const QString &name, const QString &text);
    void loadAppUrlIfShown();

    ConnectionTab *m_connection;
    MonitorView *m_monitor;
    UsageTab *m_usage;
    QAction *m_showUsage = nullptr;
    QString m_app;
    QString m_loadedApp;
};
