// SPDX-License-Identifier: MIT
#include "move/MoveWizard.h"

#include "backups/TransferProgressView.h"
#include "credentials/SecretRedactor.h"
#include "heroku/HerokuClient.h"
#include "move/MoveEndpointsPage.h"
#include "move/MoveFinishPanel.h"
#include "move/MovePreflightPage.h"
#include "probe/UrlProbeTarget.h"
#include "transfer/CopyJob.h"
#include "transfer/verify/DatabaseVerifier.h"
#include "widgets/DialogStyle.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace {
// The verifier logs in with a ProbeTarget; the endpoint already holds every field it needs.
ProbeTarget probeTargetOf(const DatabaseEndpoint &e)
{
    ProbeTarget target;
    target.host = e.host;
    target.port = quint16(e.port);
    target.user = e.user;
    target.password = e.password.reveal();
    target.database = e.database;
    target.caFile = e.caFile;
    target.label = e.label();
    return target;
}

QString seconds(qint64 ms)
{
    return QLocale().toString(double(ms) / 1000.0, 'f', 1);
}
} // namespace

MoveWizard::MoveWizard(const QString &app, const QString &addon, const DatabaseEndpoint &addonEndpoint,
                       QWidget *parent)
    : QDialog(parent), m_app(app), m_addon(addon), m_stack(new QStackedWidget(this)),
      m_endpoints(new MoveEndpointsPage(this)), m_preflight(new MovePreflightPage(this)),
      m_progress(new TransferProgressView(this)), m_copyResult(DialogStyle::wrappedLabel(QString(), this)),
      m_copyError(DialogStyle::errorLabel(this)),
      m_retryReplace(new QPushButton(tr("Run &again, replacing…"), this)),
      m_finish(new MoveFinishPanel(this)), m_verifyResult(DialogStyle::wrappedLabel(QString(), this)),
      m_differences(new QListWidget(this)), m_back(new QPushButton(tr("< &Back"), this)),
      m_next(new QPushButton(tr("&Next >"), this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("moveWizard"));
    setWindowTitle(tr("Move database of %1").arg(app));
    setAttribute(Qt::WA_DeleteOnClose);
    m_endpoints->setAddonSource(addon, addonEndpoint);

    auto *copyPage = new QWidget(this);
    auto *copyLayout = new QVBoxLayout(copyPage);
    m_copyResult->setObjectName(QStringLiteral("copyResult"));
    m_copyError->setObjectName(QStringLiteral("copyError"));
    m_retryReplace->setObjectName(QStringLiteral("retryReplaceButton"));
    m_retryReplace->setAutoDefault(false);
    m_retryReplace->hide();
    copyLayout->addWidget(m_progress);
    copyLayout->addWidget(m_copyResult);
    copyLayout->addWidget(m_copyError);
    copyLayout->addWidget(m_retryReplace, 0, Qt::AlignLeft);
    copyLayout->addStretch(1);
    auto *verifyPage = new QWidget(this);
    auto *verifyLayout = new QVBoxLayout(verifyPage);
    m_verifyResult->setObjectName(QStringLiteral("verifyResult"));
    m_differences->setObjectName(QStringLiteral("verifyDifferences"));
    m_differences->hide();
    verifyLayout->addWidget(m_verifyResult);
    verifyLayout->addWidget(m_differences, 1);
    verifyLayout->addWidget(m_finish);
    m_finish->hide();
    connect(m_finish, &MoveFinishPanel::activity, this, &MoveWizard::activity);
    connect(m_finish, &MoveFinishPanel::oldAddonRemoved, this, &MoveWizard::oldAddonRemoved);
    m_stack->addWidget(m_endpoints);
    m_stack->addWidget(m_preflight);
    m_stack->addWidget(copyPage);
    m_stack->addWidget(verifyPage);

    m_back->setObjectName(QStringLiteral("backButton"));
    m_next->setObjectName(QStringLiteral("nextButton"));
    m_cancel->setObjectName(QStringLiteral("cancelMoveButton"));
    // No default button: Enter in a URL or name field must never start a step by itself.
    for (QPushButton *button : {m_back, m_next, m_cancel})
        button->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_back, QDialogButtonBox::ActionRole);
    buttons->addButton(m_next, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);
    resize(620, 420);

    connect(m_endpoints, &MoveEndpointsPage::changed, this, &MoveWizard::updateButtons);
    connect(m_preflight, &MovePreflightPage::finishedRun, this, &MoveWizard::preflightFinished);
    connect(m_next, &QPushButton::clicked, this, &MoveWizard::goNext);
    connect(m_back, &QPushButton::clicked, this, &MoveWizard::goBack);
    connect(m_cancel, &QPushButton::clicked, this, &MoveWizard::reject);
    connect(m_retryReplace, &QPushButton::clicked, this, [this] {
        showPage(PreflightPage);
        m_preflight->run(m_source, m_target, m_app);
    });
    showPage(EndpointsPage);
}

MoveWizard::~MoveWizard()
{
    SecretRedactor::unregisterSecret(m_source.password);
    SecretRedactor::unregisterSecret(m_target.password);
}

void MoveWizard::setFinishing(HerokuClient *client, const HerokuAddon &oldAddon,
                              const std::optional<DatabaseUrl> &oldUrl)
{
    m_client = client;
    m_oldAddon = oldAddon;
    m_oldUrl = oldUrl;
}

void MoveWizard::setOtherApps(HerokuClient *client, const QStringList &apps)
{
    m_endpoints->setApps(client, apps, m_app);
}

MoveWizard::Page MoveWizard::page() const
{
    return Page(m_stack->currentIndex());
}

CopyJob *MoveWizard::copyJob() const
{
    return m_copy;
}

bool MoveWizard::isBusy() const
{
    return m_preflight->isRunning() || (m_copy && m_copy->isRunning()) ||
           (m_verifier && m_verifier->isRunning());
}

QString MoveWizard::subject() const
{
    return tr("%1 to %2 (%3 of %4)").arg(m_source.label(), m_target.label(), m_addon, m_app);
}

void MoveWizard::showPage(Page page)
{
    m_stack->setCurrentIndex(page);
    updateButtons();
}

void MoveWizard::updateButtons()
{
    const Page current = page();
    const bool busy = isBusy();
    m_back->setVisible(current == PreflightPage);
    m_back->setEnabled(!busy);
    m_next->setVisible(current == EndpointsPage || current == PreflightPage);
    if (current == EndpointsPage)
        m_next->setEnabled(bool(m_endpoints->endpoints()));
    else if (current == PreflightPage)
        m_next->setEnabled(!busy && m_preflight->ready());
    m_cancel->setText(busy ? tr("Cancel") : tr("Close"));
    m_cancel->setEnabled(true);
}

void MoveWizard::goNext()
{
    if (!m_next->isEnabled() || !m_next->isVisible())
        return;
    if (page() == EndpointsPage) {
        const Result<MoveEndpointsPage::Choice> choice = m_endpoints->endpoints();
        if (!choice)
            return;
        // Registered while chosen: the engine's errors never hold a password (ChildErrorText), and
        // SecretRedactor is the second guard for the screen and the log.
        SecretRedactor::unregisterSecret(m_source.password);
        SecretRedactor::unregisterSecret(m_target.password);
        m_source = choice->source;
        m_target = choice->target;
        SecretRedactor::registerSecret(m_source.password);
        SecretRedactor::registerSecret(m_target.password);
        m_targetUrl = choice->targetUrl;
        m_preflight->setTargetQuotaBytes(choice->targetQuotaBytes);
        showPage(PreflightPage);
        m_clock.start();
        m_preflight->run(m_source, m_target, m_app);
    } else if (page() == PreflightPage && m_preflight->ready()) {
        startCopy();
    }
}

void MoveWizard::goBack()
{
    if (page() == PreflightPage && !isBusy())
        showPage(EndpointsPage);
}

void MoveWizard::preflightFinished()
{
    updateButtons();
    if (m_preflight->isRunning())
        return;
    QStringList lines;
    for (const PreflightFinding &finding : m_preflight->findings())
        lines << PreflightFinding::severityName(finding.severity) + QStringLiteral(": ") + finding.line;
    const bool blocked = !m_preflight->ready();
    Q_EMIT activity(
        tr("Move pre-flight"), subject(),
        SecretRedactor::redact((blocked ? tr("Blocked. ") : tr("Ready. ")) + lines.join(QStringLiteral(" "))),
        blocked, m_clock.elapsed());
}

void MoveWizard::startCopy()
{
    if (m_copy)
        m_copy->deleteLater();
    const bool replace = m_preflight->replace();
    m_copy = new CopyJob(m_source, m_target, replace ? CopyJob::Mode::Replace : CopyJob::Mode::RefuseNonEmpty,
                         this);
    connect(m_copy, &CopyJob::progress, m_progress, &TransferProgressView::setProgress);
    connect(m_copy, &CopyJob::finished, this, &MoveWizard::copyFinished);
    m_copyResult->hide();
    m_copyError->hide();
    m_retryReplace->hide();
    m_progress->show();
    showPage(CopyPage);
    m_clock.start();
    m_progress->start();
    Q_EMIT activity(tr("Move copy"), subject(),
                    replace ? tr("Started, replacing the target's contents") : tr("Started"), false, -1);
    m_copy->start();
    updateButtons();
}

void MoveWizard::copyFinished()
{
    const qint64 elapsed = m_clock.elapsed();
    const Status &status = m_copy->status();
    updateButtons();
    if (status) {
        m_progress->finish();
        const QString outcome =
            tr("Copied %1 to %2 in %3 s.").arg(m_source.label(), m_target.label(), seconds(elapsed));
        m_copyResult->setText(outcome);
        m_copyResult->show();
        Q_EMIT activity(tr("Move copy"), subject(), outcome, false, elapsed);
        startVerify();
        return;
    }
    m_progress->stop();
    const QString line = SecretRedactor::redact(status.error().oneLine());
    m_copyError->setText(line);
    m_copyError->show();
    // Refused or stopped: the way on is the pre-flight again, where a replace can be confirmed.
    m_retryReplace->show();
    Q_EMIT activity(tr("Move copy"), subject(), line, status.error().kind != Error::Kind::Cancelled, elapsed);
}

void MoveWizard::startVerify()
{
    m_verifier = new DatabaseVerifier(this);
    connect(m_verifier, &DatabaseVerifier::finished, this, &MoveWizard::verifyFinished);
    connect(m_verifier, &DatabaseVerifier::progressed, this,
            [this](const QString &table, int done, int total) {
                m_verifyResult->setText(tr("Comparing %1 (%2 of %3)…").arg(table).arg(done).arg(total));
            });
    m_differences->clear();
    m_differences->hide();
    m_finish->hide();
    m_verifyResult->setText(tr("Comparing %1 with %2…").arg(m_source.label(), m_target.label()));
    showPage(VerifyPage);
    m_clock.start();
    m_verifier->start(probeTargetOf(m_source), probeTargetOf(m_target));
    updateButtons();
}

void MoveWizard::verifyFinished(const VerifyOutcome &outcome)
{
    const qint64 elapsed = m_clock.elapsed();
    m_verifier->deleteLater();
    QString line;
    bool failed = true;
    if (!outcome.ok()) {
        line = SecretRedactor::redact(outcome.outcome.error().oneLine());
        failed = outcome.outcome.error().kind != Error::Kind::Cancelled;
    } else if (outcome.report.identical()) {
        line = tr("The copy is identical: %1 objects and %2 tables compared.")
                   .arg(outcome.report.objectsCompared)
                   .arg(outcome.report.tablesDigested);
        failed = false;
        m_finish->setUp(m_client, m_app, m_oldAddon, m_oldUrl, m_targetUrl, m_target.label());
        m_finish->show();
    } else {
        line = tr("The copy differs from the source in %n place(s):", nullptr,
                  int(outcome.report.differences.size()));
        m_differences->addItems(outcome.report.lines());
        m_differences->show();
    }
    m_verifyResult->setText(line);
    const QStringList details = outcome.ok() ? outcome.report.lines() : QStringList();
    Q_EMIT activity(tr("Move verify"), subject(), (QStringList{line} + details).join(QLatin1Char(' ')),
                    failed, elapsed);
    updateButtons();
}

void MoveWizard::reject()
{
    if (m_preflight->isRunning()) {
        m_preflight->cancel();
    } else if (m_copy && m_copy->isRunning()) {
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Cancelling…"));
        m_copy->cancel(); // copyFinished() reports it
    } else if (m_verifier && m_verifier->isRunning()) {
        m_verifier->cancel();
    } else {
        QDialog::reject();
    }
}
