// SPDX-License-Identifier: MIT
#include "addons/PlanChangeDialog.h"

#include "addons/PlanListModel.h"
#include "heroku/ClearDbPlans.h"
#include "heroku/HerokuClient.h"
#include "widgets/DialogStyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

PlanChangeDialog::PlanChangeDialog(HerokuClient *client, const HerokuAddon &addon, QWidget *parent)
    : QDialog(parent), m_client(client), m_addon(addon), m_plans(new PlanListModel(this)),
      m_planCombo(new QComboBox(this)), m_comparison(new QLabel(this)),
      m_warning(DialogStyle::warningLabel(this)), m_error(DialogStyle::errorLabel(this)),
      m_applyButton(new QPushButton(tr("&Change plan"), this)),
      m_closeButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("planChangeDialog"));
    setWindowTitle(tr("Change the plan of %1").arg(addon.name));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *intro = DialogStyle::wrappedLabel(
        tr("%1 on %2 is on %3. Heroku changes the plan in place; the URL stays the same.")
            .arg(addon.name, addon.appName, addon.planName),
        this);
    m_planCombo->setObjectName(QStringLiteral("newPlanCombo"));
    m_planCombo->setAccessibleName(tr("New plan"));
    m_planCombo->setModel(m_plans);
    m_planCombo->setPlaceholderText(tr("Loading plans…"));
    m_planCombo->setEnabled(false);
    m_comparison->setObjectName(QStringLiteral("planComparison"));
    m_comparison->setTextFormat(Qt::PlainText);
    m_comparison->setWordWrap(true);
    m_warning->setObjectName(QStringLiteral("downgradeWarning"));
    m_error->setObjectName(QStringLiteral("planChangeError"));

    auto *form = new QFormLayout;
    form->addRow(tr("&New plan:"), m_planCombo);
    m_applyButton->setObjectName(QStringLiteral("changePlanButton"));
    m_applyButton->setEnabled(false);
    m_applyButton->setDefault(true);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_applyButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_comparison);
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    // Grow with the downgrade warning and error lines instead of squeezing them.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(540, sizeHint().height());

    connect(m_planCombo, &QComboBox::currentIndexChanged, this, &PlanChangeDialog::updateComparison);
    connect(m_applyButton, &QPushButton::clicked, this, &PlanChangeDialog::apply);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_client->addonServicePlans(ClearDbPlans::serviceName()), &HerokuRequest::finished, this,
            &PlanChangeDialog::onPlansLoaded);
}

bool PlanChangeDialog::selectPlan(const QString &plan)
{
    const int row = m_plans->rowOf(plan);
    if (row < 0)
        return false;
    m_planCombo->setCurrentIndex(row);
    return true;
}

void PlanChangeDialog::onPlansLoaded(const HerokuResult &result)
{
    if (!result.ok()) {
        m_error->setText(tr("Could not load the ClearDB plans: %1").arg(result.error.oneLine()));
        m_error->show();
        DialogStyle::fitHeight(this);
        return;
    }
    m_plans->setPlans(result.array());
    m_planCombo->setEnabled(m_plans->rowCount() > 0);
    // Start on the current plan: nothing changes until the user picks another.
    m_planCombo->setCurrentIndex(m_plans->rowOf(m_addon.planName));
    m_planCombo->setFocus();
    updateComparison();
}

int PlanChangeDialog::currentPriceCents() const
{
    const int row = m_plans->rowOf(m_addon.planName);
    if (row >= 0)
        return m_plans->planAt(row).api.priceCents;
    const std::optional<ClearDbPlan> known = ClearDbPlans::find(m_addon.planName);
    return known ? known->priceCents : 0;
}

void PlanChangeDialog::updateComparison()
{
    const int row = m_planCombo->currentIndex();
    m_warning->hide();
    if (row < 0) {
        m_comparison->clear();
        m_applyButton->setEnabled(false);
        return;
    }
    const PlanListModel::Entry &target = m_plans->planAt(row);
    if (target.api.name == m_addon.planName) {
        m_comparison->setText(tr("This is the current plan. Pick another one."));
        m_applyButton->setEnabled(false);
        return;
    }
    const int from = currentPriceCents();
    const int to = target.api.priceCents;
    const std::optional<ClearDbPlan> current = ClearDbPlans::find(m_addon.planName);
    m_comparison->setText(tr("%1 (%2) → %3 (%4): %5")
                              .arg(m_addon.planName, current ? PlanListModel::limitsText(current) : tr("?"),
                                   target.api.name, target.api.priceText(),
                                   PlanListModel::priceDifferenceText(from, to)));
    const bool smaller = current && target.limits &&
                         (target.limits->storageMb < current->storageMb ||
                          target.limits->maxConnections < current->maxConnections);
    if (to < from || smaller) {
        QString warning = tr("This is a downgrade.");
        if (current && target.limits) {
            warning += QLatin1Char(' ') +
                       tr("The data must fit in %1 (now up to %2): ClearDB stops writes to a database over "
                          "its plan's size. %3 at once (now %4): lower your app's connection pool and "
                          "dyno count first, or new connections are refused.")
                           .arg(PlanListModel::sizeText(target.limits->storageMb),
                                PlanListModel::sizeText(current->storageMb),
                                // "about" when ClearDB does not publish the limit (ClearDbPlan::confirmed).
                                target.limits->confirmed
                                    ? tr("At most %1 connections").arg(target.limits->maxConnections)
                                    : tr("About %1 connections").arg(target.limits->maxConnections),
                                QString::number(current->maxConnections));
        }
        m_warning->setText(warning);
        m_warning->show();
        DialogStyle::fitHeight(this);
    }
    m_applyButton->setText(to < from || smaller ? tr("&Downgrade") : tr("&Upgrade"));
    m_applyButton->setEnabled(!m_sending);
}

void PlanChangeDialog::apply()
{
    const int row = m_planCombo->currentIndex();
    if (row < 0 || m_sending || !m_client)
        return;
    m_sending = true;
    m_applyButton->setEnabled(false);
    m_planCombo->setEnabled(false);
    m_error->hide();
    const QString plan = m_plans->planAt(row).api.name;
    connect(m_client->changeAddonPlan(m_addon.appName, m_addon.name, plan), &HerokuRequest::finished, this,
            &PlanChangeDialog::onApplied);
}

void PlanChangeDialog::onApplied(const HerokuResult &result)
{
    m_sending = false;
    m_planCombo->setEnabled(true);
    if (!result.ok()) {
        m_error->setText(tr("The plan was not changed: %1").arg(result.error.oneLine()));
        m_error->show();
        DialogStyle::fitHeight(this);
        m_applyButton->setEnabled(true);
        return;
    }
    const HerokuAddon changed = HerokuAddon::fromJson(result.object());
    Q_EMIT planChanged(m_addon.appName, m_addon.name,
                       changed.planName.isEmpty() ? m_addon.planName : changed.planName);
    accept();
}
