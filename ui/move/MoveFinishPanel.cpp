// SPDX-License-Identifier: MIT
#include "move/MoveFinishPanel.h"

#include "addons/RemoveAddonDialog.h"
#include "configvars/ConfigAssignmentDialog.h"
#include "heroku/ConfigAssignmentOutcome.h"
#include "heroku/HerokuClient.h"
#include "widgets/DialogStyle.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

MoveFinishPanel::MoveFinishPanel(QWidget *parent)
    : QWidget(parent), m_status(DialogStyle::wrappedLabel(QString(), this)),
      m_assign(new QPushButton(tr("&Assign to DATABASE_URL and restart…"), this)),
      m_remove(new QPushButton(this))
{
    setObjectName(QStringLiteral("moveFinishPanel"));
    m_status->setObjectName(QStringLiteral("finishStatus"));
    m_assign->setObjectName(QStringLiteral("assignTargetButton"));
    m_remove->setObjectName(QStringLiteral("removeOldAddonButton"));
    for (QPushButton *button : {m_assign, m_remove})
        button->setAutoDefault(false);
    m_remove->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_assign, 0, Qt::AlignLeft);
    layout->addWidget(m_remove, 0, Qt::AlignLeft);
    connect(m_assign, &QPushButton::clicked, this, &MoveFinishPanel::openAssign);
    connect(m_remove, &QPushButton::clicked, this, &MoveFinishPanel::openRemove);
}

void MoveFinishPanel::setUp(HerokuClient *client, const QString &app, const HerokuAddon &oldAddon,
                            const std::optional<DatabaseUrl> &oldUrl, const Secret &targetUrl,
                            const QString &targetLabel)
{
    m_client = client;
    m_app = app;
    m_oldAddon = oldAddon;
    m_oldUrl = oldUrl;
    m_targetUrl = targetUrl;
    m_targetLabel = targetLabel;
    m_remove->setText(tr("&Remove %1…").arg(oldAddon.name));
    m_remove->hide();
    m_assign->setEnabled(m_client != nullptr);
    m_status->setText(
        m_client ? tr("Next: point %1 at %2, then remove the old add-on if you wish.").arg(app, targetLabel)
                 : tr("Sign in to assign the new database to %1.").arg(app));
}

void MoveFinishPanel::openAssign()
{
    if (!m_client)
        return;
    auto *dialog = new ConfigAssignmentDialog(m_client, this);
    // The move's point is the app running on the new database: the explicit restart is the default.
    if (auto *restart = dialog->findChild<QCheckBox *>(QStringLiteral("restartCheck")))
        restart->setChecked(true);
    connect(dialog, &ConfigAssignmentDialog::applied, this, &MoveFinishPanel::assigned);
    dialog->startAssign(m_app, m_targetUrl);
    dialog->open();
}

void MoveFinishPanel::assigned(const ConfigAssignmentOutcome &outcome)
{
    // outcomeText() shows the diff masked: no password reaches the log.
    const QString text = ConfigAssignmentDialog::outcomeText(outcome);
    m_status->setText(text);
    Q_EMIT activity(tr("Move assign"), tr("%1 of %2 to %3").arg(outcome.plan.targetVar, m_app, m_targetLabel),
                    text, !outcome.ok(), -1);
    m_assign->setEnabled(false);
    if (m_oldAddon.name.isEmpty())
        return;
    m_remove->show();
    m_remove->setEnabled(true);
}

void MoveFinishPanel::openRemove()
{
    if (!m_client || m_oldAddon.name.isEmpty())
        return;
    auto *dialog = new RemoveAddonDialog(m_client, m_oldAddon, m_oldUrl, this);
    connect(dialog, &RemoveAddonDialog::removed, this,
            [this](const QString &app, const QString &addon, const QString &configReport) {
                QString text = tr("%1 was removed from %2.").arg(addon, app);
                if (!configReport.isEmpty())
                    text += QLatin1Char(' ') + configReport;
                m_status->setText(text);
                m_remove->setEnabled(false);
                Q_EMIT oldAddonRemoved(app, addon);
                Q_EMIT activity(tr("Move remove old add-on"), tr("%1 of %2").arg(addon, app), text, false,
                                -1);
            });
    dialog->open();
}
