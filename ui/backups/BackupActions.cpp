// SPDX-License-Identifier: MIT
#include "backups/BackupActions.h"

#include "addons/AddonActions.h"
#include "addons/ClearDbAddonCard.h"
#include "backups/BackupDialog.h"
#include "backups/RestoreDialog.h"
#include "heroku/ClearDbPlans.h"
#include "transfer/DatabaseEndpoint.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QDate>
#include <QFileDialog>
#include <QStandardPaths>

namespace {
// The add-on the card shows, as an endpoint; an error line when its URL cannot be one.
Result<DatabaseEndpoint> cardEndpoint(const ClearDbAddonCard *card)
{
    const std::optional<DatabaseUrl> url = card->url();
    if (!url)
        return makeError(Error::Kind::NotFound, QStringLiteral("The add-on's URL is not loaded yet."));
    return DatabaseEndpoint::fromUrl(*url);
}
} // namespace

BackupActions::BackupActions(QWidget *window, AddonActions *addons, MessageBar *messageBar)
    : QObject(window), m_window(window), m_addons(addons), m_card(addons->card()), m_messageBar(messageBar),
      m_backup(makeShortcutAction({QStringLiteral("backupAction"), tr("Back &up…"),
                                   tr("Save the selected ClearDB add-on's database to a file"),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
                                   QStringLiteral(":/icons/export.svg")},
                                  this)),
      m_restore(makeShortcutAction({QStringLiteral("restoreAction"), tr("Rest&ore…"),
                                    tr("Load a dump file into the selected ClearDB add-on's database"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                                    QStringLiteral(":/icons/import.svg")},
                                   this)),
      m_directory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    connect(m_backup, &QAction::triggered, this, &BackupActions::openBackup);
    connect(m_restore, &QAction::triggered, this, &BackupActions::openRestore);
    connect(m_card, &ClearDbAddonCard::urlLoaded, this, &BackupActions::updateActions);
    connect(m_card, &ClearDbAddonCard::cleared, this, &BackupActions::updateActions);
    updateActions();
}

QList<QAction *> BackupActions::actions() const
{
    return {m_backup, m_restore};
}

QString BackupActions::suggestedFileName(const QString &app)
{
    return QStringLiteral("%1-%2.sql.gz").arg(app, QDate::currentDate().toString(Qt::ISODate));
}

void BackupActions::updateActions()
{
    const bool known = m_card->url().has_value() && !m_card->addon().isEmpty();
    m_backup->setEnabled(known);
    m_restore->setEnabled(known);
}

void BackupActions::openBackup()
{
    const Result<DatabaseEndpoint> source = cardEndpoint(m_card);
    if (!source) {
        m_messageBar->showMessage(source.error().oneLine(), MessageBar::Warning);
        return;
    }
    const QString app = m_card->app();
    const QString addon = m_card->addon();
    auto *picker = new QFileDialog(m_window, tr("Back up %1 of %2").arg(addon, app), m_directory);
    picker->setObjectName(QStringLiteral("backupFileDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setAcceptMode(QFileDialog::AcceptSave);
    picker->setFileMode(QFileDialog::AnyFile);
    picker->setNameFilters({tr("Compressed SQL dump (*.sql.gz)"), tr("SQL dump (*.sql)")});
    picker->selectFile(suggestedFileName(app));
    const DatabaseEndpoint endpoint = *source;
    connect(picker, &QFileDialog::fileSelected, this, [this, app, addon, endpoint](const QString &path) {
        m_directory = QFileInfo(path).absolutePath();
        auto *dialog = new BackupDialog(app, addon, endpoint, path, m_window);
        connect(dialog, &BackupDialog::activity, this, &BackupActions::activity);
        dialog->open();
        dialog->start();
    });
    picker->open();
}

void BackupActions::openRestore()
{
    const Result<DatabaseEndpoint> target = cardEndpoint(m_card);
    if (!target) {
        m_messageBar->showMessage(target.error().oneLine(), MessageBar::Warning);
        return;
    }
    const QString app = m_card->app();
    const QString addon = m_card->addon();
    auto *picker = new QFileDialog(m_window, tr("Restore into %1 of %2").arg(addon, app), m_directory);
    picker->setObjectName(QStringLiteral("restoreFileDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setAcceptMode(QFileDialog::AcceptOpen);
    picker->setFileMode(QFileDialog::ExistingFile);
    picker->setNameFilters({tr("SQL dumps (*.sql *.sql.gz *.gz)"), tr("All files (*)")});
    const DatabaseEndpoint endpoint = *target;
    // The add-on's plan, for the pre-flight's size check (the details panel's add-on, if it is this one).
    const HerokuAddon shown = m_addons->targetAddon();
    const std::optional<ClearDbPlan> plan =
        shown.name == addon ? ClearDbPlans::find(shown.planShortName()) : std::nullopt;
    const qint64 quota = plan ? plan->storageBytes() : 0;
    connect(picker, &QFileDialog::fileSelected, this,
            [this, app, addon, endpoint, quota](const QString &path) {
                m_directory = QFileInfo(path).absolutePath();
                auto *dialog = new RestoreDialog(app, addon, endpoint, path, m_window);
                dialog->setTargetQuotaBytes(quota);
                connect(dialog, &RestoreDialog::activity, this, &BackupActions::activity);
                dialog->open();
                dialog->start();
            });
    picker->open();
}
