// SPDX-License-Identifier: MIT
#include "addons/AddonActions.h"

#include "addons/ClearDbAddonCard.h"
#include "addons/PlanChangeDialog.h"
#include "addons/ProvisionDialog.h"
#include "addons/RemoveAddonDialog.h"
#include "apps/AppDetailsPanel.h"
#include "heroku/HerokuClient.h"
#include "session/AddonListModel.h"
#include "session/AppCatalog.h"
#include "session/ConsoleSession.h"
#include "widgets/CloseWithSession.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QMetaMethod>
#include <QWidget>

namespace {
// Disabled until an app with the right add-on is selected.
QAction *makeAction(const QString &text, const char *objectName, const QString &icon,
                    const QKeySequence &keys, const QString &tip, QObject *parent)
{
    QAction *action = makeShortcutAction({QString::fromLatin1(objectName), text, tip, keys, icon}, parent);
    action->setEnabled(false);
    return action;
}
} // namespace

AddonActions::AddonActions(QWidget *window, AppDetailsPanel *details, MessageBar *messageBar)
    : QObject(window), m_window(window), m_details(details), m_messageBar(messageBar),
      m_card(new ClearDbAddonCard(details)),
      m_provision(makeAction(tr("Add ClearDB…"), "provisionAction",
                             QStringLiteral(":/icons/database-add.svg"), QKeySequence(Qt::CTRL | Qt::Key_N),
                             tr("Add a ClearDB MySQL database to the selected app"), this)),
      m_changePlan(makeAction(tr("Change plan…"), "changePlanAction", QStringLiteral(":/icons/plan.svg"),
                              QKeySequence(Qt::CTRL | Qt::Key_U),
                              tr("Upgrade or downgrade the selected ClearDB add-on"), this)),
      m_remove(makeAction(tr("Remove ClearDB…"), "removeAction",
                          QStringLiteral(":/icons/database-remove.svg"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete),
                          tr("Remove the selected ClearDB add-on and its data"), this))
{
    m_details->setAddonCard(m_card);
    connect(m_provision, &QAction::triggered, this, &AddonActions::openProvision);
    connect(m_changePlan, &QAction::triggered, this, &AddonActions::openChangePlan);
    connect(m_remove, &QAction::triggered, this, &AddonActions::openRemove);
    connect(m_card, &ClearDbAddonCard::promoteRequested, this, &AddonActions::promoteRequested);
    connect(m_details, &AppDetailsPanel::currentAddonChanged, this, &AddonActions::onCurrentAddonChanged);
}

QList<QAction *> AddonActions::actions() const
{
    return {m_provision, m_changePlan, m_remove};
}

void AddonActions::setSession(ConsoleSession *session)
{
    if (m_catalog) {
        disconnect(m_catalog, nullptr, this, nullptr);
        disconnect(m_catalog->addons(), nullptr, this, nullptr);
    }
    m_session = session;
    m_client = session ? session->client() : nullptr;
    m_catalog = session ? session->catalog() : nullptr;
    m_card->setClient(m_client);
    // Never offer a button that does nothing: Promote shows only when the window routes it.
    m_card->setPromoteAvailable(isSignalConnected(QMetaMethod::fromSignal(&AddonActions::promoteRequested)));
    m_pendingApp.clear();
    if (m_catalog) {
        connect(m_catalog, &AppCatalog::detailsLoaded, this, &AddonActions::onDetailsLoaded);
        // A reload or another app clears the table's selection: hide the URL with it.
        connect(m_catalog->addons(), &QAbstractItemModel::modelReset, this, [this] {
            m_card->clear();
            updateActions();
        });
    }
    updateActions();
}

HerokuAddon AddonActions::targetAddon() const
{
    if (!m_catalog)
        return {};
    const QList<HerokuAddon> &addons = m_catalog->addons()->addons();
    const QString current = m_details->currentAddon();
    QList<HerokuAddon> clearDb;
    for (const HerokuAddon &addon : addons) {
        if (!addon.isClearDb())
            continue;
        if (addon.name == current)
            return addon;
        clearDb << addon;
    }
    // With several ClearDB add-ons the user must choose: guessing could delete the wrong one.
    return clearDb.size() == 1 ? clearDb.first() : HerokuAddon();
}

QStringList AddonActions::clearDbAddonNames() const
{
    QStringList names;
    for (const HerokuAddon &addon : m_catalog ? m_catalog->addons()->addons() : QList<HerokuAddon>()) {
        if (addon.isClearDb())
            names << addon.name;
    }
    return names;
}

void AddonActions::updateActions()
{
    const bool haveApp = m_catalog && !m_catalog->selectedApp().isEmpty();
    m_provision->setEnabled(haveApp);
    // Enabled with several ClearDB add-ons too: pressing then says to pick one (askWhichAddon).
    const bool haveClearDb = haveApp && !clearDbAddonNames().isEmpty();
    m_changePlan->setEnabled(haveClearDb);
    m_remove->setEnabled(haveClearDb);
}

bool AddonActions::askWhichAddon(const HerokuAddon &target)
{
    if (!target.name.isEmpty())
        return false;
    // As `cleardbctl upgrade/remove` without ADDON: guessing could change or delete the wrong database.
    m_messageBar->showMessage(
        tr("%1 has several ClearDB add-ons (%2): select the one you mean in the "
           "add-on list first.")
            .arg(m_catalog->selectedApp(), clearDbAddonNames().join(QStringLiteral(", "))),
        MessageBar::Information);
    return true;
}

void AddonActions::openProvision()
{
    if (!m_client || !m_catalog || m_catalog->selectedApp().isEmpty())
        return;
    auto *dialog = new ProvisionDialog(m_client, m_catalog->selectedApp(), m_window);
    dialog->setPollInterval(m_pollIntervalMs);
    dialog->setExistingAddons(clearDbAddonNames());
    connect(dialog, &ProvisionDialog::provisioned, this, [this](const QString &app, const QString &addon) {
        reloadAndSelect(app, addon, tr("%1 is ready on %2.").arg(addon, app));
    });
    connect(dialog, &ProvisionDialog::created, this,
            [this](const QString &app, const QString &addon) { reloadAndSelect(app, addon, QString()); });
    closeWithSession(dialog, m_session);
    dialog->open();
}

void AddonActions::openChangePlan()
{
    const HerokuAddon addon = targetAddon();
    if (!m_client || !m_catalog || askWhichAddon(addon))
        return;
    auto *dialog = new PlanChangeDialog(m_client, addon, m_window);
    connect(dialog, &PlanChangeDialog::planChanged, this,
            [this](const QString &app, const QString &name, const QString &plan) {
                reloadAndSelect(app, name, tr("%1 is now on %2.").arg(name, plan));
            });
    closeWithSession(dialog, m_session);
    dialog->open();
}

void AddonActions::openRemove()
{
    const HerokuAddon addon = targetAddon();
    if (!m_client || !m_catalog || askWhichAddon(addon))
        return;
    const std::optional<DatabaseUrl> url = m_card->addon() == addon.name ? m_card->url() : std::nullopt;
    auto *dialog = new RemoveAddonDialog(m_client, addon, url, m_window);
    if (!url) {
        // Select the add-on being removed: the card loads its URL, and the export command follows.
        connect(m_card, &ClearDbAddonCard::urlLoaded, dialog,
                [this, dialog](const QString &, const QString &name) {
                    if (name == dialog->addon())
                        dialog->setDatabaseUrl(m_card->url());
                });
        m_details->selectAddon(addon.name);
    }
    connect(dialog, &RemoveAddonDialog::removed, this,
            [this](const QString &app, const QString &name, const QString &configReport) {
                m_card->clear();
                const QString notice = tr("%1 was removed from %2.").arg(name, app);
                reloadAndSelect(app, QString(),
                                configReport.isEmpty() ? notice : notice + QLatin1Char(' ') + configReport);
            });
    closeWithSession(dialog, m_session);
    dialog->open();
}

void AddonActions::reloadAndSelect(const QString &app, const QString &addon, const QString &notice)
{
    if (!notice.isEmpty())
        m_messageBar->showMessage(notice, MessageBar::Positive);
    if (!m_catalog || m_catalog->selectedApp() != app)
        return;
    m_pendingApp = app;
    m_pendingAddon = addon;
    m_details->showLoading(app);
    m_catalog->selectApp(app);
}

void AddonActions::onDetailsLoaded(const QString &app)
{
    if (app == m_pendingApp && !m_pendingAddon.isEmpty())
        m_details->selectAddon(m_pendingAddon);
    m_pendingApp.clear();
    updateActions();
}

void AddonActions::onCurrentAddonChanged(const QString &name)
{
    updateActions();
    if (!m_catalog)
        return;
    for (const HerokuAddon &addon : m_catalog->addons()->addons()) {
        if (addon.name == name && addon.isClearDb()) {
            const QString var = addon.configVars.isEmpty() ? QStringLiteral("CLEARDB_DATABASE_URL")
                                                           : addon.configVars.first();
            m_card->showAddon(m_catalog->selectedApp(), addon.name, var);
            return;
        }
    }
    m_card->clear();
}
