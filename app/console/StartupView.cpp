// SPDX-License-Identifier: MIT
#include "StartupView.h"

#include "account/LoginDialog.h"
#include "connection/ConnectionTab.h"
#include "connection/DatabaseTabs.h"
#include "connection/UsageTab.h"
#include "credentials/Secret.h"
#include "fleet/FleetModel.h"
#include "fleet/FleetRow.h"
#include "fleet/FleetSummary.h"
#include "fleetview/FleetWindow.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/LatencyChart.h"
#include "monitoring/MonitorView.h"
#include "move/MovePreflightPage.h"
#include "move/MoveWizard.h"
#include "session/AddonListModel.h"
#include "shell/AboutDialog.h"
#include "shell/HelpMenu.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>

#include <algorithm>
#include <memory>

StartupView::StartupView(MainWindow *window, const QString &view, bool waitForDetails)
    : QObject(window), m_window(window), m_view(view), m_detailsShown(!waitForDetails),
      m_appSelected(waitForDetails)
{
    connect(window, &MainWindow::appsPainted, this, [this] {
        m_appsShown = true;
        maybeOpen();
    });
    connect(window, &MainWindow::appDetailsShown, this, [this] {
        m_detailsShown = true;
        maybeOpen();
    });
    // Without $CLEARDB_DATABASE_URL the view waits for the app's URL; an app without one still
    // gets its picture (the tab then says what to do).
    m_urlWait.setSingleShot(true);
    m_urlWait.setInterval(10000);
    connect(&m_urlWait, &QTimer::timeout, this, [this] { done(m_window); });
}

void StartupView::maybeOpen()
{
    if (m_appsShown && m_detailsShown && !m_opened) {
        m_opened = true;
        open();
    }
}

void StartupView::open()
{
    DatabaseTabs *tabs = m_window->databaseTabs();
    const QString url = qEnvironmentVariable("CLEARDB_DATABASE_URL");
    if (m_view == QLatin1String("connection"))
        return openConnection(url);
    if (m_view == QLatin1String("monitor"))
        return openMonitor(url);
    if (m_view == QLatin1String("move"))
        return openMove();
    if (m_view == QLatin1String("usage"))
        return openUsage(url);
    if (m_view == QLatin1String("fleet"))
        return openFleet();
    // The chart and the event list need room; the screenshot script's screen is 1280x900.
    if (m_view == QLatin1String("monitor") || m_view == QLatin1String("drill"))
        m_window->resize(m_window->size().expandedTo(QSize(1100, 780)));
    if (m_view == QLatin1String("drill")) {
        tabs->setCurrentWidget(tabs->monitorView());
        tabs->monitorView()->setIntervalMs(250);
        connect(tabs->monitorView(), &MonitorView::drillFinished, this,
                [this](const DrillResult &r) { done(m_window, r.ok() ? QString() : r.error().oneLine()); });
        tabs->monitorView()->runDrill();
        if (!tabs->monitorView()->isDrilling())
            done(m_window,
                 tr("the failover drill did not start; run with --sandbox and the sandbox cluster up"));
        return;
    }
    auto *help = m_window->findChild<HelpMenu *>();
    if (m_view == QLatin1String("shortcuts"))
        return done(help->showShortcuts());
    if (m_view == QLatin1String("about"))
        return done(help->showAbout());
    if (m_view == QLatin1String("signin")) {
        if (auto *signIn = m_window->findChild<QAction *>(QStringLiteral("signInAction")))
            signIn->trigger();
        auto *dialog = m_window->findChild<LoginDialog *>();
        return done(dialog, dialog ? QString() : tr("the sign-in dialog did not open"));
    }
    done(m_window);
}

void StartupView::openConnection(const QString &url)
{
    ConnectionTab *tab = m_window->databaseTabs()->connectionTab();
    m_window->databaseTabs()->setCurrentWidget(tab);
    connect(tab, &ConnectionTab::probeFinished, this, [this] { done(m_window); });
    if (!url.isEmpty()) {
        tab->setUrlText(url, tr("CLEARDB_DATABASE_URL (environment):"));
        tab->testConnection();
        return;
    }
    connect(tab, &ConnectionTab::databaseUrlChanged, this, [this, tab] {
        m_urlWait.stop();
        if (!tab->isTesting())
            tab->testConnection();
    });
    m_urlWait.start();
}

void StartupView::openMonitor(const QString &url)
{
    MonitorView *view = m_window->databaseTabs()->monitorView();
    m_window->databaseTabs()->setCurrentWidget(view);
    view->setIntervalMs(250);
    connect(view->monitor(), &FailoverMonitor::sampleRecorded, this, [this, view] {
        if (view->chart()->sampleCount() >= kMonitorSamples) {
            view->stop();
            done(m_window);
        }
    });
    const auto start = [this, view] {
        m_urlWait.stop();
        if (!view->isRunning())
            view->start();
    };
    if (!url.isEmpty()) {
        view->setDatabaseUrl(Secret(url), tr("CLEARDB_DATABASE_URL (environment):"));
        return start();
    }
    connect(m_window->databaseTabs()->connectionTab(), &ConnectionTab::databaseUrlChanged, this, start,
            Qt::QueuedConnection);
    m_urlWait.start();
}

void StartupView::openUsage(const QString &url)
{
    DatabaseTabs *tabs = m_window->databaseTabs();
    UsageTab *tab = tabs->usageTab();
    // Done once the figures are in and the plan lookup has answered (it weighs the same figures).
    auto state = std::make_shared<std::pair<bool, bool>>(false, !m_appSelected);
    // A database that cannot be read is still a picture: the tab says why.
    const auto finish = [this, state] {
        if (state->first && state->second)
            done(m_window);
    };
    connect(tab, &UsageTab::usageRead, this, [state, finish] {
        state->first = true;
        finish();
    });
    connect(tab, &UsageTab::planLookedUp, this, [state, finish] {
        state->second = true;
        finish();
    });
    if (!url.isEmpty())
        tabs->connectionTab()->setUrlText(url, tr("CLEARDB_DATABASE_URL (environment):"));
    tabs->setCurrentWidget(tab);
}

void StartupView::openFleet()
{
    auto *fleet = m_window->findChild<QAction *>(QStringLiteral("fleetAction"));
    if (!fleet || !fleet->isEnabled())
        return done(m_window, tr("the fleet needs a signed-in session"));
    fleet->trigger();
    auto *window = m_window->findChild<FleetWindow *>();
    if (!window)
        return done(m_window, tr("the fleet window did not open"));
    // The sandbox seeds its databases as it starts: a picture waits (a while) for them to be ready.
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    connect(window, &FleetWindow::loaded, this, [this, window, waited](const FleetSummary &summary) {
        const QList<FleetRow> &rows = window->model()->rows();
        const bool provisioning =
            std::any_of(rows.cbegin(), rows.cend(), [](const FleetRow &row) { return row.isProvisioning(); });
        if (summary.listed && provisioning && waited->elapsed() < timeoutMs() / 2)
            return QTimer::singleShot(1000, window, &FleetWindow::refresh);
        done(window, summary.listed ? QString() : summary.listingError.oneLine());
    });
}

void StartupView::openMove()
{
    // As a user does it: the ClearDB row of the add-on table, then App > Move database….
    auto *table = m_window->findChild<QTreeView *>(QStringLiteral("addonTable"));
    auto *move = m_window->findChild<QAction *>(QStringLiteral("moveAction"));
    const QAbstractItemModel *addons = table ? table->model() : nullptr;
    for (int row = 0; addons && row < addons->rowCount(); ++row) {
        const QModelIndex index = addons->index(row, AddonListModel::NameColumn);
        if (index.data(AddonListModel::IsClearDbRole).toBool()) {
            table->setCurrentIndex(index);
            break;
        }
    }
    if (!move || !table || !table->currentIndex().isValid())
        return done(m_window, tr("the selected app has no ClearDB add-on to move"));
    // The action is enabled once the add-on's URL is read from its config vars.
    const auto openWizard = [this, move] {
        if (m_opened && move->isEnabled() && !m_window->findChild<MoveWizard *>()) {
            m_urlWait.stop();
            move->trigger();
            checkMoveTarget();
        }
    };
    connect(move, &QAction::changed, this, openWizard);
    m_urlWait.start();
    openWizard();
}

void StartupView::checkMoveTarget()
{
    auto *wizard = m_window->findChild<MoveWizard *>();
    if (!wizard)
        return done(m_window, tr("the Move database wizard did not open"));
    const QString target = qEnvironmentVariable("CLEARDB_MOVE_TARGET_URL");
    auto *edit = wizard->findChild<QLineEdit *>(QStringLiteral("targetUrlEdit"));
    auto *next = wizard->findChild<QPushButton *>(QStringLiteral("nextButton"));
    if (target.isEmpty() || !edit || !next)
        return done(wizard);
    edit->setText(target);
    auto *preflight = wizard->findChild<MovePreflightPage *>();
    // finishedRun() also goes out as a run starts (for the buttons): the findings are in once it stops.
    connect(preflight, &MovePreflightPage::finishedRun, this, [this, wizard, preflight] {
        if (!preflight->isRunning())
            done(wizard);
    });
    next->click();
}

void StartupView::done(QWidget *target, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_urlWait.stop();
    Q_EMIT ready(target, error);
}
