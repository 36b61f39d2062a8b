// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "usage/UsageReading.h"
#include "usage/UsageReport.h"

#include <QWidget>
#include <optional>

class BusyIndicator;
class HerokuClient;
class MessageBar;
class PlanQuotaLookup;
class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class TableSizeModel;
class UsageFiguresView;
class UsageReader;

// The Usage tab: where the selected app's database stands against its ClearDB plan — storage and
// connections as gauges against the plan's quota and the user's max_user_connections, the server's
// timeouts, version and read_only, findings that say what to do (upgrade to which plan at what price,
// which tables to look at), and every table by size.
//
// It follows the Connection tab's URL (setDatabaseUrl) and reads it when the tab is on screen, once
// per URL until the user asks again (Read usage): one connection, in a worker thread (UsageReader),
// closed before the figures appear. The plan comes from the app's ClearDB add-on (one GET of its
// add-ons, PlanQuotaLookup) and can be chosen by hand for a pasted URL. Read-only.
//
//     tab->setClient(client);
//     tab->setApp(QStringLiteral("my-app"));          // looks up the add-on's plan
//     tab->setDatabaseUrl(url, source);                // from ConnectionTab::databaseUrlChanged
class UsageTab : public QWidget
{
    Q_OBJECT
public:
    explicit UsageTab(QWidget *parent = nullptr);
    ~UsageTab() override;

    void setClient(HerokuClient *client);
    void setApp(const QString &app);
    void setDatabaseUrl(const Secret &url, const QString &source);
    void readUsage();
    bool isReading() const;
    QAction *readAction() const { return m_readAction; }
    // The report on screen, if a read succeeded for the current URL.
    std::optional<UsageReport> report() const;

Q_SIGNALS:
    void usageRead(const UsageReading &reading);
    // The app's add-on was looked up (its plan chosen, or none found).
    void planLookedUp();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onRead(const UsageReading &reading);
    void lookUpPlan();
    void onPlanFound(const QString &plan);
    void render();
    void clearFigures(const QString &idleText);
    std::optional<ClearDbPlan> chosenPlan() const;
    bool routedByClearDb() const;

    HerokuClient *m_client = nullptr;
    PlanQuotaLookup *m_lookup = nullptr;
    UsageReader *m_reader;
    QLabel *m_source;
    QComboBox *m_plan;
    QAction *m_readAction;
    QPushButton *m_readButton;
    BusyIndicator *m_busy;
    MessageBar *m_message;
    QLabel *m_summary;
    UsageFiguresView *m_figures;
    TableSizeModel *m_tableModel;
    QTableView *m_tables;
    Secret m_url;
    QString m_host;
    QString m_app;
    bool m_planFromAddon = false;
    bool m_planLookedUp = false;
    bool m_needsRead = false;
    std::optional<UsageReading> m_reading;
};
