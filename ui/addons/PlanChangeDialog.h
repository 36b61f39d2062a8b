// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QDialog>
#include <QPointer>

class HerokuClient;
class PlanListModel;
class QComboBox;
class QLabel;
class QPushButton;
struct HerokuResult;

// Upgrade or downgrade a ClearDB add-on: shows "current → new" with both prices and the
// difference per month, and before a downgrade warns what the smaller plan means for data
// size and concurrent connections. Applying sends one PATCH /apps/{app}/addons/{addon}.
//
//     auto *dialog = new PlanChangeDialog(client, addon, window);  // addon: a HerokuAddon
//     connect(dialog, &PlanChangeDialog::planChanged, catalog, ...);
//     dialog->open();
//
// Plans come from the plans API (PlanListModel); a failed request is shown inside the
// dialog and nothing is sent. The dialog does not check the database's actual size:
// ClearDB enforces its limits, we only say what they are.
class PlanChangeDialog : public QDialog
{
    Q_OBJECT
public:
    PlanChangeDialog(HerokuClient *client, const HerokuAddon &addon, QWidget *parent = nullptr);

    PlanListModel *plans() const { return m_plans; }
    // Selects the target plan ("scream" or "cleardb:scream"); false when it is not offered.
    bool selectPlan(const QString &plan);

Q_SIGNALS:
    void planChanged(const QString &app, const QString &addon, const QString &plan);

private:
    void onPlansLoaded(const HerokuResult &result);
    void updateComparison();
    void apply();
    void onApplied(const HerokuResult &result);
    int currentPriceCents() const;

    QPointer<HerokuClient> m_client; // goes with its session; the dialog closes first
    HerokuAddon m_addon;
    PlanListModel *m_plans;
    QComboBox *m_planCombo;
    QLabel *m_comparison;
    QLabel *m_warning;
    QLabel *m_error;
    QPushButton *m_applyButton;
    QPushButton *m_closeButton;
    bool m_sending = false;
};
