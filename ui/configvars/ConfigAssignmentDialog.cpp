// SPDX-License-Identifier: MIT
#include "configvars/ConfigAssignmentDialog.h"

#include "heroku/ConfigAssignment.h"
#include "widgets/DialogStyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

ConfigAssignmentDialog::ConfigAssignmentDialog(HerokuClient *client, QWidget *parent)
    : QDialog(parent), m_assignment(new ConfigAssignment(client, this)), m_intro(new QLabel(this)),
      m_targetVar(new QLineEdit(this)), m_status(new QLabel(this)), m_diff(new QLabel(this)),
      m_restart(new QCheckBox(tr("Also &restart all dynos now"), this)),
      m_error(DialogStyle::errorLabel(this))
{
    setObjectName(QStringLiteral("configAssignmentDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_targetVar->setObjectName(QStringLiteral("targetVarEdit"));
    m_targetVar->setAccessibleName(tr("Config var to write"));
    m_status->setObjectName(QStringLiteral("assignmentStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_diff->setObjectName(QStringLiteral("assignmentDiff"));
    m_diff->setAccessibleName(tr("Change, password masked"));
    m_diff->setTextFormat(Qt::PlainText);
    m_diff->setWordWrap(true);
    m_diff->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_restart->setObjectName(QStringLiteral("restartCheck"));
    m_restart->setToolTip(tr("Heroku already restarts the dynos when config vars change; tick this to "
                             "restart them explicitly once the change is written."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("Promote"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QPushButton::clicked, this, &ConfigAssignmentDialog::onConfirm);

    auto *form = new QFormLayout;
    form->addRow(tr("&Target var:"), m_targetVar);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_diff);
    layout->addWidget(DialogStyle::wrappedLabel(
        tr("Heroku restarts the app's dynos when its config vars change (a new release)."), this));
    layout->addWidget(m_restart);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    resize(600, sizeHint().height());

    connect(m_assignment, &ConfigAssignment::prepared, this, &ConfigAssignmentDialog::onPrepared);
    connect(m_assignment, &ConfigAssignment::applied, this, &ConfigAssignmentDialog::onApplied);
    // Another target after a refusal ("promote into MYSQL_URL instead") is checked again.
    connect(m_targetVar, &QLineEdit::editingFinished, this, [this] {
        if (m_targetVar->text().trimmed() != m_plan.targetVar)
            prepare();
    });
}

ConfigAssignmentDialog::~ConfigAssignmentDialog()
{
    // QDialog's destructor hides the dialog, which takes the focus from the target field, which then
    // emits editingFinished into this class after it is already destroyed (UBSan: member access
    // within an object that is only a QDialog any more). Nothing here may react to that.
    m_targetVar->disconnect(this);
}

void ConfigAssignmentDialog::startPromote(const QString &app, const QString &sourceVar,
                                          const QString &targetVar)
{
    m_app = app;
    m_sourceVar = sourceVar;
    m_value = Secret();
    setWindowTitle(tr("Promote on %1").arg(app));
    m_intro->setText(tr("Copy the value of %1 into another config var of %2, so the app's framework finds "
                        "its ClearDB database.")
                         .arg(sourceVar, app));
    m_targetVar->setText(targetVar);
    m_confirm->setText(tr("&Promote"));
    prepare();
}

void ConfigAssignmentDialog::startAssign(const QString &app, const Secret &value, const QString &targetVar)
{
    m_app = app;
    m_sourceVar.clear();
    m_value = value;
    setWindowTitle(tr("Assign on %1").arg(app));
    m_intro->setText(tr("Write the dedicated-cluster URL into a config var of %1.").arg(app));
    m_targetVar->setText(targetVar);
    m_confirm->setText(tr("&Assign"));
    prepare();
}

void ConfigAssignmentDialog::prepare()
{
    m_confirm->setEnabled(false);
    m_diff->clear();
    m_error->hide();
    m_status->setText(tr("Checking the config vars and add-ons of %1…").arg(m_app));
    const QString target = m_targetVar->text().trimmed();
    m_plan = ConfigAssignmentPlan();
    m_plan.targetVar = target;
    fitHeight();
    if (m_sourceVar.isEmpty())
        m_assignment->prepareAssign(m_app, target, m_value);
    else
        m_assignment->preparePromote(m_app, m_sourceVar, target);
}

void ConfigAssignmentDialog::fitHeight()
{
    // Empty lines would leave gaps: the status and diff show only when they say something.
    m_status->setVisible(!m_status->text().isEmpty());
    m_diff->setVisible(!m_diff->text().isEmpty());
    // Wrapped labels grow with their text (a refusal, a long URL): grow the dialog with them.
    layout()->activate();
    const int needed =
        layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ConfigAssignmentDialog::onPrepared(const ConfigAssignmentPlan &plan)
{
    m_plan = plan;
    QTimer::singleShot(0, this, &ConfigAssignmentDialog::fitHeight);
    switch (plan.status) {
    case ConfigAssignmentPlan::Status::Ready:
        m_status->setText(tr("This change will be sent in one request:"));
        m_diff->setText(plan.maskedDiff());
        m_confirm->setEnabled(true);
        m_confirm->setDefault(true);
        return;
    case ConfigAssignmentPlan::Status::Unchanged:
        m_status->setText(tr("%1.").arg(plan.message));
        return;
    case ConfigAssignmentPlan::Status::Refused:
    case ConfigAssignmentPlan::Status::NoSource:
    case ConfigAssignmentPlan::Status::InvalidVar:
    case ConfigAssignmentPlan::Status::Failed:
        m_status->clear();
        m_error->setText(tr("%1.").arg(plan.message));
        m_error->show();
        return;
    }
}

void ConfigAssignmentDialog::onConfirm()
{
    if (!m_plan.isReady())
        return;
    m_confirm->setEnabled(false);
    m_targetVar->setEnabled(false);
    m_error->hide();
    m_status->setText(m_restart->isChecked()
                          ? tr("Writing %1 and restarting the dynos…").arg(m_plan.targetVar)
                          : tr("Writing %1…").arg(m_plan.targetVar));
    m_assignment->apply(m_plan, m_restart->isChecked());
}

void ConfigAssignmentDialog::onApplied(const ConfigAssignmentOutcome &outcome)
{
    m_targetVar->setEnabled(true);
    if (!outcome.configWritten()) {
        m_status->clear();
        m_error->setText(
            tr("%1 was not changed: %2").arg(outcome.plan.targetVar, outcome.patch.error.oneLine()));
        m_error->show();
        m_confirm->setEnabled(true);
        fitHeight();
        return;
    }
    Q_EMIT applied(outcome);
    accept();
}

QString ConfigAssignmentDialog::outcomeText(const ConfigAssignmentOutcome &outcome)
{
    QString text = tr("%1 on %2. Heroku restarts the app's dynos with the new config.")
                       .arg(outcome.plan.maskedDiff(), outcome.plan.app);
    if (outcome.restartRequested)
        text +=
            QLatin1Char(' ') +
            (outcome.restarted ? tr("All dynos were restarted as well.")
                               : tr("The explicit restart failed: %1.").arg(outcome.restartError.oneLine()));
    return text;
}
