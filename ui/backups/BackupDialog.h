// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/DatabaseEndpoint.h"

#include <QDialog>
#include <QElapsedTimer>

class DumpJob;
class QLabel;
class QPushButton;
class TransferProgressView;

// Backs up a ClearDB add-on's database to a file (DumpJob: mariadb-dump, definers stripped, gzip for
// ".gz") and shows it happen: a progress bar with the time left, Cancel, then the result (file, size,
// time, definers removed) or the one-line error.
//
//     auto *dialog = new BackupDialog(app, addon, endpoint, path, window);
//     connect(dialog, &BackupDialog::activity, log, &ActivityLogModel::appendAction);
//     dialog->open();
//     dialog->start();
//
// The job runs in child processes the event loop watches; nothing here blocks. Cancel (or Escape, or
// closing the window) while it runs stops the job, which removes the partial file; the dialog stays
// open to say so. Every label holds DatabaseEndpoint::label() (user@host:port/db), never the password.
class BackupDialog : public QDialog
{
    Q_OBJECT
public:
    BackupDialog(const QString &app, const QString &addon, const DatabaseEndpoint &source,
                 const QString &path, QWidget *parent = nullptr);
    ~BackupDialog() override;

    void start();
    // From start() until the outcome is on screen.
    bool isRunning() const;
    QString path() const { return m_path; }
    DumpJob *job() const { return m_job; }

Q_SIGNALS:
    // For the activity log: started, finished, cancelled or failed, with no secret in any text.
    void activity(const QString &action, const QString &subject, const QString &outcome, bool failed,
                  qint64 durationMs);
    void backupFinished(bool ok);

public Q_SLOTS:
    // While the job runs, cancels it and stays open to show the outcome; otherwise closes.
    void reject() override;

private:
    void onFinished();

    QString m_app;
    QString m_addon;
    DatabaseEndpoint m_source;
    QString m_path;
    DumpJob *m_job;
    TransferProgressView *m_progress;
    QLabel *m_result;
    QLabel *m_error;
    QPushButton *m_cancel;
    QPushButton *m_close;
    QElapsedTimer m_clock;
    bool m_running = false;
};
