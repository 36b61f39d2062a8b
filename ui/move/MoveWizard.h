// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuResources.h"
#include "transfer/DatabaseEndpoint.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

#include <optional>

class CopyJob;
class DatabaseVerifier;
class HerokuClient;
class MoveFinishPanel;
class MoveEndpointsPage;
class MovePreflightPage;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class TransferProgressView;
struct VerifyOutcome;

// "Move database…": copies a database to another server and checks the copy, one page at a time:
// source and target (MoveEndpointsPage) → pre-flight (MovePreflightPage) → copy (CopyJob, with a
// progress bar, ETA and the current table) → verify (DatabaseVerifier: "identical" or the tables that
// differ) → finish (MoveFinishPanel: assign the target to DATABASE_URL and restart, then offer to
// remove the old add-on), shown only after an identical verification.
//
//     auto *wizard = new MoveWizard(app, addon, addonEndpoint, window);
//     connect(wizard, &MoveWizard::activity, log, &ActivityLogModel::appendAction);
//     wizard->open();
//
// Every step can be stopped: Cancel stops what runs (the pre-flight, the copy, the verification) and
// keeps the wizard open to say where things stand; with nothing running it closes. A copy stopped after
// loading began leaves the target partly loaded, as the job says; "Run again, replacing" goes back to
// the pre-flight, whose typed confirmation allows the replace. Each step's outcome goes to the activity
// log, labels only (user@host:port/db), never a password. Nothing here blocks the GUI thread.
class MoveWizard : public QDialog
{
    Q_OBJECT
public:
    enum Page
    {
        EndpointsPage,
        PreflightPage,
        CopyPage,
        VerifyPage,
    };

    MoveWizard(const QString &app, const QString &addon, const DatabaseEndpoint &addonEndpoint,
               QWidget *parent = nullptr);
    ~MoveWizard() override;

    // What the last step needs: the API client (none: the step says to sign in), the old add-on and
    // its URL (for the removal's export command).
    void setFinishing(HerokuClient *client, const HerokuAddon &oldAddon,
                      const std::optional<DatabaseUrl> &oldUrl);
    // The account's apps, whose ClearDB databases the first page offers as source or target.
    void setOtherApps(HerokuClient *client, const QStringList &apps);
    Page page() const;
    bool isBusy() const;
    CopyJob *copyJob() const;

Q_SIGNALS:
    void activity(const QString &action, const QString &subject, const QString &outcome, bool failed,
                  qint64 durationMs);
    void oldAddonRemoved(const QString &app, const QString &addon);

public Q_SLOTS:
    // While a step runs, stops it and stays open; otherwise closes.
    void reject() override;

private:
    void goNext();
    void goBack();
    void showPage(Page page);
    void updateButtons();
    void preflightFinished();
    void startCopy();
    void copyFinished();
    void startVerify();
    void verifyFinished(const VerifyOutcome &outcome);
    QString subject() const;

    QString m_app;
    QString m_addon;
    DatabaseEndpoint m_source;
    DatabaseEndpoint m_target;
    Secret m_targetUrl;
    QPointer<HerokuClient> m_client;
    HerokuAddon m_oldAddon;
    std::optional<DatabaseUrl> m_oldUrl;
    QStackedWidget *m_stack;
    MoveEndpointsPage *m_endpoints;
    MovePreflightPage *m_preflight;
    TransferProgressView *m_progress;
    QLabel *m_copyResult;
    QLabel *m_copyError;
    QPushButton *m_retryReplace;
    MoveFinishPanel *m_finish;
    QLabel *m_verifyResult;
    QListWidget *m_differences;
    QPushButton *m_back;
    QPushButton *m_next;
    QPushButton *m_cancel;
    QPointer<CopyJob> m_copy;
    QPointer<DatabaseVerifier> m_verifier;
    QElapsedTimer m_clock;
};
