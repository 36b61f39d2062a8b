// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

class AddonProvisioner;
class HerokuClient;
class HerokuRequest;
class PlanListModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
struct HerokuResult;

// "Add ClearDB to APP": picks a plan (from the plans API, with price and ClearDB's
// limits), an optional add-on name, then creates the add-on with AddonProvisioner and
// waits, with a progress bar, until Heroku reports it provisioned.
//
//     auto *dialog = new ProvisionDialog(client, "my-app", window);
//     connect(dialog, &ProvisionDialog::provisioned, window, [](const QString &addon) { ... });
//     dialog->open();
//
// "Stop waiting" stops polling only: the add-on was created by then and Heroku keeps
// provisioning (and billing) it, which the dialog says before and after. The create is
// sent once (AddonProvisioner never repeats a POST). Errors are shown inside the dialog.
// Tests find every control by objectName and may shorten setPollInterval().
class ProvisionDialog : public QDialog
{
    Q_OBJECT
public:
    ProvisionDialog(HerokuClient *client, const QString &app, QWidget *parent = nullptr);

    void setPollInterval(int milliseconds) { m_pollIntervalMs = milliseconds; }
    // The app's ClearDB add-ons today: a second one is allowed, and the dialog says what it means.
    void setExistingAddons(const QStringList &names);
    PlanListModel *plans() const { return m_plans; }
    // Closing while waiting (Escape, the window's close button) stops the wait first, so
    // created() still tells the window about the add-on.
    void reject() override;

Q_SIGNALS:
    // The add-on exists and is provisioned.
    void provisioned(const QString &app, const QString &addon);
    // The add-on exists but the user stopped waiting (or waiting failed): still show it. `addon`
    // is empty when the create's answer was lost and it may or may not exist: reload and look.
    void created(const QString &app, const QString &addon);

private:
    void loadPlans();
    void onPlansLoaded(const HerokuResult &result);
    void onPlanChanged(int row);
    void validate();
    void startProvisioning();
    void onStateChanged(const QString &addon, const QString &state);
    void onFinished(const HerokuResult &result);
    void setWaiting(bool waiting);
    void showError(const QString &text);

    QPointer<HerokuClient> m_client; // goes with its session; the dialog closes first
    QString m_app;
    PlanListModel *m_plans;
    AddonProvisioner *m_provisioner = nullptr;
    QPointer<HerokuRequest> m_plansRequest;
    QComboBox *m_planCombo;
    QLabel *m_planDetails;
    QLineEdit *m_nameEdit;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
    QPushButton *m_provisionButton;
    QPushButton *m_stopButton;
    QPushButton *m_closeButton;
    int m_pollIntervalMs = 2000;
    bool m_plansFailed = false; // keeps that error on screen while the name is edited
};
