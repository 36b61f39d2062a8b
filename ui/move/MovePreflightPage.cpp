// SPDX-License-Identifier: MIT
#include "move/MovePreflightPage.h"

#include "transfer/TransferPreflight.h"
#include "widgets/DialogStyle.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {
QIcon severityIcon(PreflightFinding::Severity severity)
{
    QStyle *style = QApplication::style();
    switch (severity) {
    case PreflightFinding::Severity::Blocker:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case PreflightFinding::Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case PreflightFinding::Severity::Note:
        break;
    }
    return style->standardIcon(QStyle::SP_MessageBoxInformation);
}
} // namespace

MovePreflightPage::MovePreflightPage(QWidget *parent)
    : QWidget(parent), m_status(DialogStyle::wrappedLabel(QString(), this)),
      m_findings(new QListWidget(this)), m_replaceBox(new QWidget(this)),
      m_replacePrompt(DialogStyle::wrappedLabel(QString(), m_replaceBox)),
      m_confirmEdit(new QLineEdit(m_replaceBox)),
      m_replaceButton(new QPushButton(tr("&Replace what the target holds"), m_replaceBox))
{
    setObjectName(QStringLiteral("movePreflightPage"));
    m_status->setObjectName(QStringLiteral("preflightStatus"));
    m_findings->setObjectName(QStringLiteral("preflightFindings"));
    m_findings->setWordWrap(true);
    m_confirmEdit->setObjectName(QStringLiteral("confirmAppEdit"));
    m_confirmEdit->setAccessibleName(tr("App name to confirm"));
    m_replaceButton->setObjectName(QStringLiteral("replaceTargetButton"));
    m_replaceButton->setAutoDefault(false);
    m_replaceBox->setObjectName(QStringLiteral("replaceTargetBox"));
    auto *replaceLayout = new QVBoxLayout(m_replaceBox);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replacePrompt);
    replaceLayout->addWidget(m_confirmEdit);
    replaceLayout->addWidget(m_replaceButton, 0, Qt::AlignLeft);
    m_replaceBox->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_replaceBox);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &MovePreflightPage::updateReplace);
    connect(m_replaceButton, &QPushButton::clicked, this, [this] {
        // Checked again here: nothing else may turn a copy into a replace without the exact name.
        if (m_confirmEdit->text() != m_app || isRunning())
            return;
        m_replace = true;
        start();
    });
}

MovePreflightPage::~MovePreflightPage() = default;

void MovePreflightPage::run(const DatabaseEndpoint &source, const DatabaseEndpoint &target,
                            const QString &app)
{
    m_source = source;
    m_target = target;
    m_app = app;
    m_replace = false;
    start();
}

void MovePreflightPage::start()
{
    if (m_check) {
        disconnect(m_check, nullptr, this, nullptr);
        m_check->cancel();
        m_check->deleteLater();
    }
    m_findings->clear();
    m_replaceBox->hide();
    m_confirmEdit->clear();
    m_status->setText(tr("Checking %1 and %2…").arg(m_source.label(), m_target.label()));
    m_check = new TransferPreflight(m_source, m_target, this);
    m_check->setTargetQuotaBytes(m_quotaBytes);
    m_check->setReplace(m_replace);
    connect(m_check, &TransferPreflight::finished, this, &MovePreflightPage::onFinished);
    m_check->start();
    Q_EMIT finishedRun(); // the wizard re-reads ready(): false while this runs
}

void MovePreflightPage::cancel()
{
    if (isRunning())
        m_check->cancel();
}

bool MovePreflightPage::isRunning() const
{
    return m_check && m_check->isRunning();
}

bool MovePreflightPage::ready() const
{
    return m_check && !m_check->isRunning() && m_check->status().ok() && !m_check->hasBlocker();
}

QList<PreflightFinding> MovePreflightPage::findings() const
{
    return m_check ? m_check->findings() : QList<PreflightFinding>();
}

bool MovePreflightPage::isTargetContents(const PreflightFinding &finding) const
{
    return finding.severity == PreflightFinding::Severity::Blocker && finding.targetNotEmpty;
}

void MovePreflightPage::onFinished()
{
    if (!m_check->status().ok()) {
        m_status->setText(m_check->status().error().oneLine());
        Q_EMIT finishedRun();
        return;
    }
    bool contentsBlocker = false;
    for (const PreflightFinding &finding : m_check->findings()) {
        auto *item = new QListWidgetItem(severityIcon(finding.severity), finding.line, m_findings);
        item->setData(Qt::UserRole, PreflightFinding::severityName(finding.severity));
        contentsBlocker = contentsBlocker || isTargetContents(finding);
    }
    m_status->setText(m_check->hasBlocker() ? tr("The move cannot start: fix what is marked as a blocker.")
                                            : tr("Ready to copy."));
    if (contentsBlocker) {
        m_replacePrompt->setText(tr("Replacing drops every table, view and routine in %1 first, then copies. "
                                    "Type the app name, %2, to confirm:")
                                     .arg(m_target.label(), m_app));
        m_confirmEdit->setPlaceholderText(m_app);
        m_replaceBox->show();
        updateReplace();
    }
    Q_EMIT finishedRun();
}

void MovePreflightPage::updateReplace()
{
    m_replaceButton->setEnabled(!isRunning() && m_confirmEdit->text() == m_app);
}
