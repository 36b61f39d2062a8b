// SPDX-License-Identifier: MIT
#include "configvars/ConfigActions.h"

#include "configvars/ConfigAssignmentDialog.h"
#include "configvars/ConfigVarsEditor.h"
#include "configvars/DynoRestart.h"
#include "dedicated/DedicatedClusterDialog.h"
#include "heroku/HerokuClient.h"
#include "session/AddonListModel.h"
#include "session/AppCatalog.h"
#include "session/ConsoleSession.h"
#include "widgets/CloseWithSession.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QWidget>

ConfigActions::ConfigActions(QWidget *window, MessageBar *messageBar)
    : QObject(window), m_window(window), m_messageBar(messageBar)
{
    m_configVars = makeShortcutAction({QStringLiteral("configVarsAction"),
                                       tr("Config vars…"),
                                       tr("View and edit the selected app's config vars"),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
                                       {}},
                                      this);
    m_promote = makeShortcutAction({QStringLiteral("promoteAction"),
                                    tr("Promote…"),
                                    tr("Copy CLEARDB_DATABASE_URL into DATABASE_URL"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                                    {}},
                                   this);
    m_dedicated = makeShortcutAction({QStringLiteral("dedicatedClusterAction"),
                                      tr("Dedicated cluster…"),
                                      tr("Build the URL of a ClearDB dedicated cluster"),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
                                      {}},
                                     this);
    m_restart = makeShortcutAction({QStringLiteral("restartDynosAction"),
                                    tr("Restart dynos…"),
                                    tr("Restart all dynos of the selected app"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                                    {}},
                                   this);
    for (QAction *action : actions())
        m_window->addAction(action);
    m_window->addAction(m_restart);
    connect(m_restart, &QAction::triggered, this, [this] {
        if (m_catalog)
            DynoRestart::confirm(m_client, m_catalog->selectedApp(), m_window, m_messageBar);
    });
    connect(m_configVars, &QAction::triggered, this, &ConfigActions::openConfigVars);
    connect(m_promote, &QAction::triggered, this, [this] {
        if (m_catalog)
            promote(m_catalog->selectedApp());
    });
    connect(m_dedicated, &QAction::triggered, this, &ConfigActions::openDedicatedCluster);
    updateActions();
}

QList<QAction *> ConfigActions::actions() const
{
    return {m_configVars, m_promote, m_dedicated};
}

void ConfigActions::setSession(ConsoleSession *session)
{
    if (m_catalog)
        disconnect(m_catalog, nullptr, this, nullptr);
    m_session = session;
    m_client = session ? session->client() : nullptr;
    m_catalog = session ? session->catalog() : nullptr;
    if (m_catalog)
        connect(m_catalog, &AppCatalog::detailsLoaded, this, &ConfigActions::updateActions);
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
    m_restart->setEnabled(app);
    m_promote->setEnabled(clearDb);
    m_dedicated->setEnabled(m_client != nullptr);
}

void ConfigActions::openConfigVars()
{
    if (!m_client || !m_catalog || m_catalog->selectedApp().isEmpty())
        return;
    auto *editor = new ConfigVarsEditor(m_client, m_catalog->selectedApp(), m_window);
    connect(editor, &ConfigVarsEditor::configChanged, m_catalog, [this] { m_catalog->refresh(); });
    closeWithSession(editor, m_session);
    editor->show();
}

void ConfigActions::promote(const QString &app)
{
    if (!m_client || app.isEmpty())
        return;
    auto *dialog = new ConfigAssignmentDialog(m_client, m_window);
    connect(dialog, &ConfigAssignmentDialog::applied, this, &ConfigActions::onAssigned);
    closeWithSession(dialog, m_session);
    dialog->startPromote(app);
    dialog->open();
}

void ConfigActions::openDedicatedCluster()
{
    auto *dialog = new DedicatedClusterDialog(m_window);
    dialog->setTarget(m_client, m_catalog ? m_catalog->selectedApp() : QString());
    connect(dialog, &DedicatedClusterDialog::assigned, this, &ConfigActions::onAssigned);
    closeWithSession(dialog, m_session);
    dialog->show();
}

void ConfigActions::onAssigned(const ConfigAssignmentOutcome &outcome)
{
    m_messageBar->showMessage(ConfigAssignmentDialog::outcomeText(outcome),
                              outcome.ok() ? MessageBar::Positive : MessageBar::Warning);
    if (m_catalog)
        m_catalog->refresh();
}
