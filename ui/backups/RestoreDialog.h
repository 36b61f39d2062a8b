// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/DatabaseEndpoint.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;
class RestoreJob;
class TransferPreflight;
class TransferProgressView;

// Restores a dump file (ours, or a stock mariadb-dump/mysqldump file; .sql or .sql.gz) into a ClearDB
// add-on's database with RestoreJob, showing a progress bar with the time left (exact: the file's
// bytes read) and Cancel.
//
//     auto *dialog = new RestoreDialog(app, addon, endpoint, path, window);
//     connect(dialog, &RestoreDialog::activity, log, &ActivityLogModel::appendAction);
//     dialog->open();
//     dialog->start();
//
// First a TransferPreflight checks the database (the file's SQL size against the plan's quota, the
// user's privileges, binary-log trust, what it holds): a blocker stops it there, untouched, and its
// warnings stay on show above the progress. A database that is not empty is refused so (and by the
// job, should it fill in between), untouched. The dialog then offers "Replace
// everything in DB", guarded as Remove ClearDB… is: the button stays disabled until the app's name is
// typed exactly, and only then does a second job run with RestoreJob::Mode::Replace. The same offer
// follows a cancelled or failed load, since the job's message says the target is partly loaded and a
// replace run completes it. Nothing blocks; no label holds the password.
class RestoreDialog : public QDialog
{
    Q_OBJECT
public:
    RestoreDialog(const QString &app, const QString &addon, const DatabaseEndpoint &target,
                  const QString &path, QWidget *parent = nullptr);
    ~RestoreDialog() override;

    // The add-on's plan storage (ClearDbPlan::storageBytes()), for the pre-flight's size check; 0: not known.
    void setTargetQuotaBytes(qint64 bytes) { m_quotaBytes = bytes; }
    // Checks the target first (TransferPreflight: the file's size against the quota, the user's
    // privileges, binary-log trust, what the database holds), then loads into an empty database only;
    // a non-empty one leads to the typed confirmation.
    void start();
    bool isRunning() const;
    RestoreJob *job() const { return m_job; }

Q_SIGNALS:
    void activity(const QString &action, const QString &subject, const QString &outcome, bool failed,
                  qint64 durationMs);
    void restoreFinished(bool ok);
    // The pre-flight passed and job() was just created; it starts right after.
    void loadStarted();

public Q_SLOTS:
    // While a job runs, cancels it and stays open to show the target's state; otherwise closes.
    void reject() override;

private:
    void run(bool replace);
    void onChecked();
    void load();
    void onFinished();
    void offerReplace();
    void updateReplace();
    QString subject() const;

    QString m_app;
    QString m_addon;
    qint64 m_quotaBytes = 0;
    QPointer<TransferPreflight> m_check;
    DatabaseEndpoint m_target;
    QString m_path;
    RestoreJob *m_job = nullptr;
    bool m_replacing = false;
    bool m_running = false;
    TransferProgressView *m_progress;
    QLabel *m_result;
    QLabel *m_error;
    QLabel *m_status;
    QWidget *m_replaceBox;
    QLineEdit *m_confirmEdit;
    QPushButton *m_replaceButton;
    QPushButton *m_cancel;
    QPushButton *m_close;
    QElapsedTimer m_clock;
};
