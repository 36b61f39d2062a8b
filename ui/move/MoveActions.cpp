// SPDX-License-Identifier: MIT
#include "move/MoveActions.h"

#include "addons/AddonActions.h"
#include "addons/ClearDbAddonCard.h"
#include "move/MoveWizard.h"
#include "session/AppCatalog.h"
#include "session/AppListModel.h"
#include "session/ConsoleSession.h"
#include "transfer/DatabaseEndpoint.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QAction>

MoveActions::MoveActions(QWidget *window, AddonActions *addons, MessageBar *messageBar)
    : QObject(window), m_window(window), m_addons(addons), m_messageBar(messageBar),
      m_move(makeShortcutAction({QStringLiteral("moveAction"), tr("&Move database…"),
                                 tr("Copy the selected ClearDB add-on's database to a dedicated cluster, "
                                    "verify it and switch the app over"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                                 QStringLiteral(":/icons/export.svg")},
                                this))
{
    connect(m_move, &QAction::triggered, this, &MoveActions::openWizard);
    connect(m_addons->card(), &ClearDbAddonCard::urlLoaded, this, &MoveActions::updateAction);
    connect(m_addons->card(), &ClearDbAddonCard::cleared, this, &MoveActions::updateAction);
    updateAction();
}

void MoveActions::setSession(ConsoleSession *session)
{
    m_session = session;
}

void MoveActions::updateAction()
{
    const ClearDbAddonCard *card = m_addons->card();
    m_move->setEnabled(card->url().has_value() && !card->addon().isEmpty());
}

void MoveActions::openWizard()
{
    const ClearDbAddonCard *card = m_addons->card();
    const std::optional<DatabaseUrl> url = card->url();
    if (!url) {
        m_messageBar->showMessage(tr("The add-on's URL is not loaded yet."), MessageBar::Warning);
        return;
    }
    const Result<DatabaseEndpoint> source = DatabaseEndpoint::fromUrl(*url);
    if (!source) {
        m_messageBar->showMessage(source.error().oneLine(), MessageBar::Warning);
        return;
    }
    auto *wizard = new MoveWizard(card->app(), card->addon(), *source, m_window);
    HerokuAddon addon = m_addons->targetAddon();
    if (addon.name != card->addon())
        addon = HerokuAddon();
    wizard->setFinishing(m_session ? m_session->client() : nullptr, addon, url);
    if (m_session) {
        QStringList apps;
        const QAbstractItemModel *model = m_session->catalog()->apps();
        for (int row = 0; row < model->rowCount(); ++row)
            apps << model->index(row, 0).data(AppListModel::AppNameRole).toString();
        wizard->setOtherApps(m_session->client(), apps);
    }
    connect(wizard, &MoveWizard::activity, this, &MoveActions::activity);
    // The card would otherwise keep offering Back up…, Restore… and Move… on an add-on that is gone.
    connect(wizard, &MoveWizard::oldAddonRemoved, this, [this](const QString &app, const QString &addon) {
        ClearDbAddonCard *card = m_addons->card();
        if (card->app() == app && card->addon() == addon)
            card->clear();
        m_messageBar->showMessage(tr("%1 was removed from %2.").arg(addon, app), MessageBar::Positive);
    });
    wizard->open();
}
