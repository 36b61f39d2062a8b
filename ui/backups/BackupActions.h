// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

class AddonActions;
class ClearDbAddonCard;
class MessageBar;
class QAction;
class QWidget;

// "Back up…" and "Restore…" for the ClearDB add-on selected in the details panel, next to the other
// add-on actions. Both are enabled only while the ClearDbAddonCard holds that add-on's URL (loaded from
// its CLEARDB_DATABASE_URL), since the URL is the login.
//
//     auto *backups = new BackupActions(window, addonActions, messageBar);
//     appMenu->addActions(backups->actions());     // and the add-on table's context menu
//     connect(backups, &BackupActions::activity, log, &ActivityLogModel::appendAction);
//
// Back up… asks where to save (a file dialog suggesting "<app>-<date>.sql.gz"; ".gz" means gzip) and
// opens a BackupDialog; Restore… asks for a dump file (.sql or .sql.gz, ours or a stock
// mariadb-dump/mysqldump file) and opens a RestoreDialog. The file dialogs are opened with open(),
// never exec(), and are found by objectName (backupFileDialog, restoreFileDialog).
class BackupActions : public QObject
{
    Q_OBJECT
public:
    BackupActions(QWidget *window, AddonActions *addons, MessageBar *messageBar);

    QList<QAction *> actions() const;
    QAction *backupAction() const { return m_backup; }
    QAction *restoreAction() const { return m_restore; }
    // Where the file dialogs start (the user's documents folder by default).
    void setDirectory(const QString &directory) { m_directory = directory; }
    // "sandbox-app-0001-2026-12-05.sql.gz"
    static QString suggestedFileName(const QString &app);

Q_SIGNALS:
    // A backup or restore started, finished, was cancelled or failed; every text is secret-free.
    void activity(const QString &action, const QString &subject, const QString &outcome, bool failed,
                  qint64 durationMs);

private:
    void updateActions();
    void openBackup();
    void openRestore();

    QWidget *m_window;
    AddonActions *m_addons;
    ClearDbAddonCard *m_card;
    MessageBar *m_messageBar;
    QAction *m_backup;
    QAction *m_restore;
    QString m_directory;
};
