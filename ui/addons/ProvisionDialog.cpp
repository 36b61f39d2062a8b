// SPDX-License-Identifier: MIT
#include "addons/ProvisionDialog.h"

#include "addons/PlanListModel.h"
#include "heroku/AddonProvisioner.h"
#include "heroku/ClearDbPlans.h"
#include "heroku/HerokuClient.h"
#include "heroku/HerokuResources.h"
#include "widgets/DialogStyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

ProvisionDialog::ProvisionDialog(HerokuClient *client, const QString &app, QWidget *parent)
    : QDialog(parent), m_client(client), m_app(app), m_plans(new PlanListModel(this)),
      m_planCombo(new QComboBox(this)), m_planDetails(new QLabel(this)), m_nameEdit(new QLineEdit(this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_error(DialogStyle::errorLabel(this)),
      m_provisionButton(new QPushButton(tr("&Provision"), this)),
      m_stopButton(new QPushButton(tr("&Stop waiting"), this)),
      m_closeButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("provisionDialog"));
    setWindowTitle(tr("Add ClearDB to %1").arg(app));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *intro = DialogStyle::wrappedLabel(
        tr("Create a ClearDB MySQL database for %1. Heroku sets CLEARDB_DATABASE_URL on the app "
           "when it is ready.")
            .arg(app),
        this);
    m_planCombo->setObjectName(QStringLiteral("planCombo"));
    m_planCombo->setAccessibleName(tr("Plan"));
    m_planCombo->setModel(m_plans);
    m_planCombo->setPlaceholderText(tr("Loading plans…"));
    m_planCombo->setEnabled(false);
    m_planDetails->setObjectName(QStringLiteral("planDetails"));
    m_planDetails->setWordWrap(true);
    m_nameEdit->setObjectName(QStringLiteral("addonNameEdit"));
    m_nameEdit->setAccessibleName(tr("Add-on name"));
    m_nameEdit->setPlaceholderText(tr("optional; Heroku picks one, e.g. cleardb-shaped-12345"));
    m_nameEdit->setClearButtonEnabled(true);

    m_progress->setObjectName(QStringLiteral("provisionProgress"));
    m_progress->setRange(0, 0); // Heroku gives no percentage: a busy bar, with the state beside it
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("provisionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *billing = DialogStyle::wrappedLabel(
        tr("Paid plans are billed from the moment Heroku creates the add-on. Stopping the wait does not "
           "remove it; use Remove in the main window for that."),
        this);
    billing->setObjectName(QStringLiteral("provisionBillingNote"));
    billing->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("P&lan:"), m_planCombo);
    form->addRow(QString(), m_planDetails);
    form->addRow(tr("&Name:"), m_nameEdit);

    m_provisionButton->setObjectName(QStringLiteral("provisionButton"));
    m_provisionButton->setDefault(true);
    m_provisionButton->setEnabled(false);
    m_stopButton->setObjectName(QStringLiteral("stopWaitingButton"));
    m_stopButton->setToolTip(tr("Stop waiting for Heroku; the add-on is kept"));
    m_stopButton->hide();
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_provisionButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_stopButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_closeButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(billing);
    layout->addStretch(1);
    layout->addWidget(buttons);
    // Grow with the status and error lines instead of squeezing them.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(520, sizeHint().height());

    connect(m_planCombo, &QComboBox::currentIndexChanged, this, &ProvisionDialog::onPlanChanged);
    connect(m_nameEdit, &QLineEdit::textChanged, this, &ProvisionDialog::validate);
    connect(m_provisionButton, &QPushButton::clicked, this, &ProvisionDialog::startProvisioning);
    connect(m_stopButton, &QPushButton::clicked, this, [this] {
        if (m_provisioner)
            m_provisioner->cancel();
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    loadPlans();
}

void ProvisionDialog::setExistingAddons(const QStringList &names)
{
    if (names.isEmpty())
        return;
    // Heroku names a second attachment with a colour (CLEARDB_DATABASE_AQUA_URL), so nothing that
    // reads CLEARDB_DATABASE_URL or DATABASE_URL moves to it by itself.
    auto *note = DialogStyle::warningLabel(this);
    note->setObjectName(QStringLiteral("existingAddonsNote"));
    note->setText(tr("%1 already has ClearDB: %2. Another add-on is a second, separately billed database "
                     "with its own config var; the app keeps using the current one until you promote it.")
                      .arg(m_app, names.join(QStringLiteral(", "))));
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, note);
    note->show();
    // The note wraps to several lines; the layout's minimum size does not count wrapped lines.
    DialogStyle::fitHeight(this);
}

void ProvisionDialog::loadPlans()
{
    m_plansRequest = m_client->addonServicePlans(ClearDbPlans::serviceName());
    connect(m_plansRequest, &HerokuRequest::finished, this, &ProvisionDialog::onPlansLoaded);
}

void ProvisionDialog::onPlansLoaded(const HerokuResult &result)
{
    if (!result.ok()) {
        m_planCombo->setPlaceholderText(tr("No plans"));
        m_plansFailed = true;
        return showError(tr("Could not load the ClearDB plans: %1").arg(result.error.oneLine()));
    }
    m_plans->setPlans(result.array());
    if (m_plans->rowCount() == 0) {
        m_plansFailed = true;
        return showError(tr("Heroku lists no ClearDB plans; try again later."));
    }
    m_planCombo->setEnabled(true);
    m_planCombo->setCurrentIndex(m_plans->defaultRow());
    m_planCombo->setFocus();
    validate();
}

void ProvisionDialog::onPlanChanged(int row)
{
    if (row < 0) {
        m_planDetails->clear();
        return;
    }
    // Price and limits are in the picker itself; here only how far the limits can be trusted.
    const PlanListModel::Entry &entry = m_plans->planAt(row);
    if (!entry.limits)
        m_planDetails->setText(tr("ClearDB publishes no limits for this plan; see its add-on page."));
    else if (!entry.limits->confirmed)
        m_planDetails->setText(tr("ClearDB does not publish every limit of this plan: \"about\" figures are "
                                  "the commonly quoted ones."));
    else
        m_planDetails->setText(tr("Limits as published by ClearDB."));
    DialogStyle::fitHeight(this);
    validate();
}

void ProvisionDialog::validate()
{
    // Heroku's schema: add-on names match ^[a-zA-Z][A-Za-z0-9_-]+$ (and are globally unique).
    static const QRegularExpression namePattern(QStringLiteral("^[a-zA-Z][A-Za-z0-9_-]+$"));
    const QString name = m_nameEdit->text().trimmed();
    const bool nameOk = name.isEmpty() || namePattern.match(name).hasMatch();
    if (!nameOk)
        showError(tr("An add-on name starts with a letter and has only letters, digits, - and _."));
    else if (!m_plansFailed)
        m_error->hide();
    m_provisionButton->setEnabled(nameOk && m_planCombo->currentIndex() >= 0 && !m_provisioner);
}

void ProvisionDialog::startProvisioning()
{
    const int row = m_planCombo->currentIndex();
    if (row < 0 || m_provisioner || !m_client)
        return;
    AddonProvisioner::Options options;
    options.app = m_app;
    options.plan = m_plans->planAt(row).api.name;
    options.name = m_nameEdit->text().trimmed();
    options.wait = true;
    options.pollIntervalMs = m_pollIntervalMs;
    m_provisioner = new AddonProvisioner(m_client, this);
    connect(m_provisioner, &AddonProvisioner::stateChanged, this, [this](const QJsonObject &addon) {
        const HerokuAddon parsed = HerokuAddon::fromJson(addon);
        onStateChanged(parsed.name, parsed.state);
    });
    connect(m_provisioner, &AddonProvisioner::finished, this, &ProvisionDialog::onFinished);
    m_error->hide();
    m_status->setText(tr("Creating %1 on %2…").arg(options.plan, m_app));
    setWaiting(true);
    m_provisioner->start(options);
}

void ProvisionDialog::onStateChanged(const QString &addon, const QString &state)
{
    if (state == QLatin1String("provisioning"))
        m_status->setText(tr("%1 was created; Heroku is provisioning it…").arg(addon));
    else
        m_status->setText(tr("%1 is %2.").arg(addon, state));
    DialogStyle::fitHeight(this);
}

void ProvisionDialog::onFinished(const HerokuResult &result)
{
    m_provisioner->deleteLater();
    m_provisioner = nullptr;
    setWaiting(false);
    const HerokuAddon addon = HerokuAddon::fromJson(result.object());
    if (result.ok()) {
        Q_EMIT provisioned(m_app, addon.name);
        accept();
        return;
    }
    if (!addon.name.isEmpty()) {
        // The POST succeeded: the add-on exists whatever happened to the wait afterwards.
        m_status->setText(result.error.kind == HerokuError::Kind::Cancelled
                              ? tr("Stopped waiting. %1 still exists and Heroku keeps provisioning it; "
                                   "it is shown in the add-on list.")
                                    .arg(addon.name)
                              : tr("%1 exists on %2.").arg(addon.name, m_app));
        m_provisionButton->setEnabled(false);
        m_closeButton->setText(tr("Close"));
        Q_EMIT created(m_app, addon.name);
    } else {
        m_status->clear();
        // A lost or failed answer to the POST: show the app's add-ons as they are now.
        Q_EMIT created(m_app, QString());
    }
    if (result.error.kind != HerokuError::Kind::Cancelled || addon.name.isEmpty())
        showError(result.error.oneLine());
    DialogStyle::fitHeight(this);
}

void ProvisionDialog::reject()
{
    if (m_provisioner)
        m_provisioner->cancel(); // stops polling only; the add-on stays (AddonProvisioner::cancel)
    QDialog::reject();
}

void ProvisionDialog::setWaiting(bool waiting)
{
    m_progress->setVisible(waiting);
    m_stopButton->setVisible(waiting);
    m_stopButton->setEnabled(waiting);
    m_planCombo->setEnabled(!waiting && m_plans->rowCount() > 0);
    m_nameEdit->setEnabled(!waiting);
    m_provisionButton->setEnabled(!waiting);
    m_closeButton->setEnabled(!waiting);
    if (waiting)
        m_stopButton->setFocus();
}

void ProvisionDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    DialogStyle::fitHeight(this);
}
