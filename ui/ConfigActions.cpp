// SPDX-License-Identifier: MIT
#include "ConfigActions.h"

#include "AccountDialog.h"
#include "AddonListModel.h"
#include "AppCatalog.h"
#include "ConfigAssignmentDialog.h"
#include "ConfigVarsEditor.h"
#include "DedicatedClusterDialog.h"
#include "LoginDialog.h"
#include "MessageBar.h"
#include "credentials/KeychainCredentialStore.h"
#include "heroku/HerokuClient.h"

#include <QAction>
#include <QDir>
#include <QWidget>

namespace {
QAction *makeAction(const QString &text, const QString &objectName, const QKeySequence &shortcut,
                    const QString &tip, QObject *parent)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setToolTip(QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    return action;
}
} // namespace

ConfigActions::ConfigActions(QNetworkAccessManager *network, QWidget *window, MessageBar *messageBar)
    : QObject(window), m_network(network), m_window(window), m_messageBar(messageBar),
      m_homeDir(QDir::homePath())
{
    m_configVars = makeAction(tr("Config vars…"), QStringLiteral("configVarsAction"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                              tr("View and edit the selected app's config vars"), this);
    m_promote = makeAction(tr("Promote…"), QStringLiteral("promoteAction"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                           tr("Copy CLEARDB_DATABASE_URL into DATABASE_URL"), this);
    m_dedicated = makeAction(tr("Dedicated cluster…"), QStringLiteral("dedicatedClusterAction"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                             tr("Build the URL of a ClearDB dedicated cluster"), this);
    m_signIn = makeAction(tr("Sign in…"), QStringLiteral("signInAction"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                          tr("Sign in with a Heroku API token"), this);
    m_account = makeAction(tr("Account…"), QStringLiteral("accountAction"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
                           tr("Where the credentials come from; log out"), this);
    for (QAction *action : actions())
        m_window->addAction(action);
    connect(m_configVars, &QAction::triggered, this, &ConfigActions::openConfigVars);
    connect(m_promote, &QAction::triggered, this, [this] {
        if (m_catalog)
            promote(m_catalog->selectedApp());
    });
    connect(m_dedicated, &QAction::triggered, this, &ConfigActions::openDedicatedCluster);
    connect(m_signIn, &QAction::triggered, this, &ConfigActions::openSignIn);
    connect(m_account, &QAction::triggered, this, &ConfigActions::openAccount);
    updateActions();
}

QList<QAction *> ConfigActions::actions() const
{
    return {m_configVars, m_promote, m_dedicated, m_signIn, m_account};
}

void ConfigActions::setSession(HerokuClient *client, AppCatalog *catalog, const ConsoleConnection &connection)
{
    m_client = client;
    m_catalog = catalog;
    m_connection = connection;
    m_email.clear();
    connect(catalog, &AppCatalog::detailsLoaded, this, &ConfigActions::updateActions);
    connect(catalog, &AppCatalog::accountChanged, this, [this](const QString &email) { m_email = email; });
    updateActions();
}

void ConfigActions::updateActions()
{
    const bool app = m_catalog && !m_catalog->selectedApp().isEmpty();
    bool clearDb = false;
    if (app) {
        for (const HerokuAddon &addon : m_catalog->addons()->addons())
            clearDb = clearDb || addon.isClearDb();
    }
    m_configVars->setEnabled(app);
    m_promote->setEnabled(clearDb);
    m_dedicated->setEnabled(m_client != nullptr);
    m_account->setEnabled(m_client != nullptr);
}

CredentialStore *ConfigActions::store()
{
    if (!m_store)
        m_store = new KeychainCredentialStore(this);
    return m_store;
}

void ConfigActions::openConfigVars()
{
    if (!m_client || !m_catalog || m_catalog->selectedApp().isEmpty())
        return;
    auto *editor = new ConfigVarsEditor(m_client, m_catalog->selectedApp(), m_window);
    connect(editor, &ConfigVarsEditor::configChanged, m_catalog, [this] { m_catalog->refresh(); });
    editor->show();
}

void ConfigActions::promote(const QString &app)
{
    if (!m_client || app.isEmpty())
        return;
    auto *dialog = new ConfigAssignmentDialog(m_client, m_window);
    connect(dialog, &ConfigAssignmentDialog::applied, this, &ConfigActions::onAssigned);
    dialog->startPromote(app);
    dialog->open();
}

void ConfigActions::openDedicatedCluster()
{
    auto *dialog = new DedicatedClusterDialog(m_window);
    dialog->setTarget(m_client, m_catalog ? m_catalog->selectedApp() : QString());
    connect(dialog, &DedicatedClusterDialog::assigned, this, &ConfigActions::onAssigned);
    dialog->show();
}

void ConfigActions::onAssigned(const ConfigAssignmentOutcome &outcome)
{
    QString text = tr("%1 on %2. Heroku restarts the app's dynos with the new config.")
                       .arg(outcome.plan.maskedDiff(), outcome.plan.app);
    if (outcome.restartRequested)
        text +=
            QLatin1Char(' ') +
            (outcome.restarted ? tr("All dynos were restarted as well.")
                               : tr("The explicit restart failed: %1.").arg(outcome.restartError.oneLine()));
    m_messageBar->showMessage(text, outcome.ok() ? MessageBar::Positive : MessageBar::Warning);
    if (m_catalog)
        m_catalog->refresh();
}

void ConfigActions::openSignIn()
{
    // Before the first connection (start-up failed) the endpoint comes from HEROKU_HOST, as at start-up.
    const ApiEndpoint endpoint =
        m_connection.endpoint.baseUrl().isEmpty() ? ApiEndpoint::fromEnvironment() : m_connection.endpoint;
    auto *dialog = new LoginDialog(m_network, endpoint, store(), m_window);
    dialog->setHomeDir(m_homeDir);
    connect(dialog, &LoginDialog::signedIn, this,
            [this](const ConsoleConnection &connection, const QString &, const QString &where) {
                Q_EMIT signedIn(connection);
                m_messageBar->showMessage(where, MessageBar::Positive);
            });
    dialog->open();
}

void ConfigActions::openAccount()
{
    auto *dialog = new AccountDialog(m_connection, m_email, store(), m_window);
    dialog->setHomeDir(m_homeDir);
    connect(dialog, &AccountDialog::signInRequested, this, &ConfigActions::openSignIn);
    connect(dialog, &AccountDialog::loggedOut, this,
            [this](const QString &what) { m_messageBar->showMessage(what, MessageBar::Information); });
    dialog->open();
}
