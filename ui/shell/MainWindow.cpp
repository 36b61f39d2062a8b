// SPDX-License-Identifier: MIT
#include "shell/MainWindow.h"

#include "AppInfo.h"
#include "account/AccountActions.h"
#include "account/AccountSwitcher.h"
#include "activity/ActivityLogDock.h"
#include "activity/ActivityLogModel.h"
#include "addons/AddonActions.h"
#include "apps/AppDetailsPanel.h"
#include "apps/AppListView.h"
#include "backups/BackupActions.h"
#include "configvars/ConfigActions.h"
#include "connection/DatabaseTabs.h"
#include "fleetview/FleetActions.h"
#include "heroku/HerokuClient.h"
#include "move/MoveActions.h"
#include "session/AppCatalog.h"
#include "session/AppListModel.h"
#include "session/ConsoleSession.h"
#include "shell/HelpMenu.h"
#include "shell/SandboxBadge.h"
#include "shell/StatusBarInfo.h"
#include "widgets/MessageBar.h"
#include "widgets/UiResources.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

MainWindow::MainWindow(QNetworkAccessManager *network, QWidget *parent)
    : QMainWindow(parent), m_network(network), m_messageBar(new MessageBar(this)),
      m_appList(new AppListView(this)), m_details(new AppDetailsPanel(this)),
      m_statusInfo(new StatusBarInfo(this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cleardb-console.svg")));
    setWindowTitle(AppInfo::productName());
    setUpToolBar();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_appList);
    m_tabs = new DatabaseTabs(m_details, this);
    // Right-clicking the add-on leads to its database against the plan too.
    m_details->setAddonActions({m_tabs->showUsageAction()});
    splitter->addWidget(m_tabs);
    // The app list keeps the width its names need (AppListView::sizeHint()); the views take the rest.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_messageBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);
    m_activityLog = new ActivityLogDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityLog);
    m_activityLog->hide();
    addAction(m_activityLog->toggleViewAction());
    connect(m_backupActions, &BackupActions::activity, m_activityLog->model(),
            &ActivityLogModel::appendAction);
    connect(m_moveActions, &MoveActions::activity, m_activityLog->model(), &ActivityLogModel::appendAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_activityLog->toggleViewAction());
    menuBar()->addMenu(new HelpMenu(this));
    statusBar()->addPermanentWidget(m_statusInfo);
    statusBar()->setSizeGripEnabled(true);
    resize(980, 620);

    connect(m_appList, &AppListView::currentAppChanged, this, &MainWindow::onAppSelected);
    connect(m_appList, &AppListView::firstAppsPainted, this, &MainWindow::appsPainted);
    connect(m_messageBar, &MessageBar::actionTriggered, this, &MainWindow::refresh);
    connect(this, &MainWindow::sessionChanged, m_addonActions, &AddonActions::setSession);
    connect(this, &MainWindow::sessionChanged, m_configActions, &ConfigActions::setSession);
    connect(this, &MainWindow::sessionChanged, m_moveActions, &MoveActions::setSession);
    connect(this, &MainWindow::sessionChanged, m_fleetActions, &FleetActions::setSession);
    connect(this, &MainWindow::sessionChanged, m_accountActions, &AccountActions::setSession);
    connect(this, &MainWindow::sessionChanged, m_accountSwitcher, [this](ConsoleSession *session) {
        m_accountSwitcher->setConnection(session ? session->connection() : ConsoleConnection());
    });
    showConnecting(tr("Connecting…"));
}

MainWindow::~MainWindow() = default;

ConsoleSession *MainWindow::session() const
{
    return m_session;
}

void MainWindow::setUpToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refresh = toolBar->addAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"));
    m_refresh->setObjectName(QStringLiteral("refreshAction"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Reload apps, add-ons and the rate limit (%1)")
                              .arg(m_refresh->shortcut().toString(QKeySequence::NativeText)));
    m_refresh->setEnabled(false);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    m_addonActions = new AddonActions(this, m_details, m_messageBar);
    toolBar->addActions(m_addonActions->actions());
    // Back up and Restore sit in the App menu and the add-on table's context menu: the toolbar has
    // no room left for them at the window's default width.
    m_backupActions = new BackupActions(this, m_addonActions, m_messageBar);
    m_moveActions = new MoveActions(this, m_addonActions, m_messageBar);
    m_details->setAddonActions({m_addonActions->changePlanAction(), m_addonActions->removeAction(),
                                m_backupActions->backupAction(), m_backupActions->restoreAction(),
                                m_moveActions->moveAction()});
    m_configActions = new ConfigActions(this, m_messageBar);
    toolBar->addActions(m_configActions->actions());
    // File → Quit with the platform's key (Ctrl+Q on Linux): quitting goes through closeEvent(), so it
    // takes the same orderly way out as closing the window or a SIGTERM.
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quitAction"));
    // Platforms whose standard has no Quit key (Windows: Alt+F4 closes the window) still get Ctrl+Q.
    const QList<QKeySequence> quitKeys = QKeySequence::keyBindings(QKeySequence::Quit);
    quit->setShortcuts(quitKeys.isEmpty() ? QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_Q)}
                                          : quitKeys);
    quit->setShortcutContext(Qt::ApplicationShortcut);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    menuBar()->addMenu(tr("&File"))->addAction(quit);
    // Everything that acts on the selected app, Restart included (it has no toolbar room).
    QMenu *app = menuBar()->addMenu(tr("A&pp"));
    app->setObjectName(QStringLiteral("appMenu"));
    app->addActions(m_addonActions->actions());
    app->addActions(m_backupActions->actions());
    app->addAction(m_moveActions->moveAction());
    app->addSeparator();
    app->addActions(m_configActions->actions());
    app->addAction(m_configActions->restartAction());
    m_accountActions = new AccountActions(m_network, this, m_messageBar);
    QMenu *accountMenu = menuBar()->addMenu(tr("&Account"));
    accountMenu->addActions(m_accountActions->actions());
    connect(m_accountActions, &AccountActions::signedIn, this, &MainWindow::open);
    // Switching signs in again with a stored account: open() retires the old session, as a sign-in does.
    m_accountSwitcher = new AccountSwitcher(this);
    accountMenu->addMenu(m_accountSwitcher->menu());
    // The whole account at once: every ClearDB database, its plan, cost and limits.
    m_fleetActions = new FleetActions(this);
    accountMenu->addSeparator();
    accountMenu->addAction(m_fleetActions->fleetAction());
    addAction(m_fleetActions->fleetAction());
    connect(m_accountSwitcher, &AccountSwitcher::switched, this, &MainWindow::open);
    connect(m_accountSwitcher, &AccountSwitcher::failed, this,
            [this](const QString &message) { m_messageBar->showMessage(message, MessageBar::Warning); });
    connect(m_addonActions, &AddonActions::promoteRequested, m_configActions, &ConfigActions::promote);
    auto *find = new QAction(tr("Filter apps"), this);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    addAction(find);
    connect(find, &QAction::triggered, m_appList, &AppListView::focusFilter);
    auto *spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_sandboxBadge = toolBar->addWidget(new SandboxBadge(toolBar));
    m_sandboxBadge->setVisible(false);
}

void MainWindow::showConnecting(const QString &what)
{
    m_statusInfo->setConnecting(what);
    m_statusInfo->setBusy(true);
    m_appList->setLoadingText(what);
}

void MainWindow::showStopping(const QString &what)
{
    m_statusInfo->setConnecting(what);
    m_statusInfo->setBusy(true);
    // Nothing new may start on a sandbox that is going away.
    centralWidget()->setEnabled(false);
    menuBar()->setEnabled(false);
    for (QToolBar *toolBar : findChildren<QToolBar *>())
        toolBar->setEnabled(false);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_closeRequestsQuit)
        return QMainWindow::closeEvent(event);
    event->ignore();
    Q_EMIT quitRequested();
}

void MainWindow::showStartupError(const QString &message)
{
    m_statusInfo->setBusy(false);
    m_statusInfo->setConnecting(tr("Not connected"));
    m_appList->setLoadingText(tr("Not connected to Heroku. See the message above."));
    m_messageBar->showMessage(message, MessageBar::Error);
    Q_EMIT loadFailed(message);
}

void MainWindow::showNotice(const QString &message, MessageBar::Type type)
{
    m_messageBar->showMessage(message, type);
}

void MainWindow::open(const ConsoleConnection &connection)
{
    // Re-opening (another account, a restarted sandbox) starts from a clean slate. The old session may
    // be delivering a reply right now, so it is retired (its dialogs close, it goes later), not deleted.
    if (m_session)
        m_session->retire();
    m_connection = connection;
    m_session = new ConsoleSession(m_network, connection, this);
    AppCatalog *catalog = m_session->catalog();
    connect(m_session->client(), &HerokuClient::exchanged, m_activityLog->model(), &ActivityLogModel::append);

    m_appList->setLoadingText(tr("Loading apps…"));
    m_appList->setModel(catalog->apps());
    m_appList->setTeams({}); // another account's teams are not this one's
    m_details->setModels(catalog->addons(), catalog->configVars());
    m_details->showNothingSelected();
    m_statusInfo->setConnection(connection);
    m_sandboxBadge->setVisible(connection.sandbox);
    // X11 and Windows append the application display name to a title that does not end with it
    // (QPlatformWindow::formatWindowTitle()), so the product name goes last, once.
    setWindowTitle(connection.sandbox ? tr("Sandbox — %1").arg(AppInfo::productName())
                                      : AppInfo::productName());
    m_refresh->setEnabled(true);
    m_tabs->setConnection(m_session->client(), connection.sandbox);

    connect(catalog, &AppCatalog::busyChanged, m_statusInfo, &StatusBarInfo::setBusy);
    connect(catalog, &AppCatalog::accountChanged, m_statusInfo, &StatusBarInfo::setAccountEmail);
    connect(catalog, &AppCatalog::rateLimitChanged, m_statusInfo, &StatusBarInfo::setRateLimitRemaining);
    connect(catalog, &AppCatalog::failed, this, &MainWindow::onFailed);
    connect(catalog, &AppCatalog::detailsLoaded, this, [this](const QString &app) {
        m_details->showLoaded(app);
        Q_EMIT appDetailsShown(app);
    });
    // The owner choice offers the account's teams (GET /teams) and any other team an app names.
    const auto showTeams = [this, catalog] {
        QStringList names;
        for (const HerokuTeam &team : catalog->teams())
            names << team.name;
        for (const HerokuApp &app : catalog->apps()->apps()) {
            if (!app.teamName.isEmpty() && !names.contains(app.teamName))
                names << app.teamName;
        }
        m_appList->setTeams(names);
    };
    connect(catalog, &AppCatalog::teamsChanged, this, showTeams);
    connect(catalog, &AppCatalog::appsChanged, this, [this, showTeams] {
        showTeams();
        if (!m_initialApp.isEmpty())
            m_appList->selectApp(std::exchange(m_initialApp, QString()));
    });
    Q_EMIT sessionChanged(m_session);
    catalog->refresh();
}

void MainWindow::refresh()
{
    if (!m_session)
        return;
    AppCatalog *catalog = m_session->catalog();
    if (!catalog->selectedApp().isEmpty())
        m_details->showLoading(catalog->selectedApp());
    catalog->refresh();
}

void MainWindow::onAppSelected(const QString &name)
{
    if (!m_session)
        return;
    m_details->showLoading(name);
    m_session->catalog()->selectApp(name);
    m_tabs->setApp(name);
}

void MainWindow::onFailed(const QString &what, const HerokuError &error)
{
    if (m_session && !m_session->catalog()->appsLoaded())
        m_appList->setLoadingText(tr("The app list could not be loaded. See the message above."));
    // HerokuError::oneLine() is one secret-free line with the Request-Id support asks for.
    const QString message = tr("%1: %2").arg(what, error.oneLine());
    m_messageBar->showMessage(message, MessageBar::Error, tr("Retry"));
    Q_EMIT loadFailed(message);
}
