// SPDX-License-Identifier: MIT
#include "backups/RestoreDialog.h"

#include "backups/TransferProgressView.h"
#include "credentials/SecretRedactor.h"
#include "transfer/DumpFileReader.h"
#include "transfer/RestoreJob.h"
#include "transfer/TransferPreflight.h"
#include "widgets/DialogStyle.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

RestoreDialog::RestoreDialog(const QString &app, const QString &addon, const DatabaseEndpoint &target,
                             const QString &path, QWidget *parent)
    : QDialog(parent), m_app(app), m_addon(addon), m_target(target), m_path(path),
      m_progress(new TransferProgressView(this)), m_result(DialogStyle::wrappedLabel(QString(), this)),
      m_error(DialogStyle::errorLabel(this)), m_status(DialogStyle::wrappedLabel(QString(), this)),
      m_replaceBox(new QWidget(this)), m_confirmEdit(new QLineEdit(this)),
      m_replaceButton(new QPushButton(tr("&Replace everything in %1").arg(target.database), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    SecretRedactor::registerSecret(m_target.password);
    setWindowTitle(tr("Restore into %1").arg(addon));
    setAttribute(Qt::WA_DeleteOnClose);

    auto *summary = DialogStyle::wrappedLabel(
        tr("Restoring %1 into %2 (%3 of %4)").arg(QDir::toNativeSeparators(path), target.label(), addon, app),
        this);
    summary->setObjectName(QStringLiteral("transferSummary"));
    m_result->setObjectName(QStringLiteral("transferResult"));
    m_result->hide();
    // The pre-flight: "Checking…" while it runs, then its warnings (a blocker goes to the error line).
    m_status->setObjectName(QStringLiteral("preflightStatus"));
    m_status->hide();

    // The typed confirmation, as Remove ClearDB… asks it: exact, no trimming, no case folding.
    auto *prompt = DialogStyle::wrappedLabel(
        tr("Replacing drops every table, view and routine in %1 first, then loads the file. "
           "Type the app name, %2, to confirm:")
            .arg(target.database, app),
        m_replaceBox);
    m_confirmEdit->setParent(m_replaceBox);
    m_confirmEdit->setObjectName(QStringLiteral("confirmAppEdit"));
    m_confirmEdit->setAccessibleName(tr("App name to confirm"));
    m_confirmEdit->setPlaceholderText(app);
    m_replaceButton->setParent(m_replaceBox);
    m_replaceButton->setObjectName(QStringLiteral("replaceButton"));
    m_replaceButton->setEnabled(false);
    auto *replaceLayout = new QVBoxLayout(m_replaceBox);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(prompt);
    replaceLayout->addWidget(m_confirmEdit);
    replaceLayout->addWidget(m_replaceButton, 0, Qt::AlignLeft);
    m_replaceBox->hide();

    m_cancel->setObjectName(QStringLiteral("cancelTransferButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));
    // No default button: Enter in the name field must never start a replace on a wrong name.
    for (QPushButton *button : {m_replaceButton, m_cancel, m_close})
        button->setAutoDefault(false);
    // Close has the reject role too: a button box makes its first accept button the default when shown,
    // and a default Close would shut the dialog on Enter after a mistyped name.
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    m_close->hide(); // after addButton(), which shows it

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    layout->addWidget(m_replaceBox);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(m_confirmEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateReplace);
    connect(m_confirmEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_replaceButton->isEnabled())
            run(true);
    });
    connect(m_replaceButton, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_cancel, &QPushButton::clicked, this, &RestoreDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
}

RestoreDialog::~RestoreDialog()
{
    SecretRedactor::unregisterSecret(m_target.password);
}

QString RestoreDialog::subject() const
{
    return tr("%1 into %2 %3 (%4)").arg(m_path, m_app, m_addon, m_target.label());
}

void RestoreDialog::start()
{
    run(false);
}

bool RestoreDialog::isRunning() const
{
    return m_running;
}

void RestoreDialog::run(bool replace)
{
    // Checked again here: no other path may start a replace without the exact name.
    if (isRunning() || (replace && m_confirmEdit->text() != m_app))
        return;
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    m_replacing = replace;
    m_replaceBox->hide();
    m_progress->hide();
    m_confirmEdit->clear();
    m_error->hide();
    m_result->hide();
    m_close->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_running = true;
    m_clock.start();
    m_status->setText(tr("Checking %1…").arg(m_target.label()));
    m_status->show();
    if (m_check)
        m_check->deleteLater();
    m_check = new TransferPreflight(DatabaseEndpoint(), m_target, this);
    m_check->setSourceDump(DumpFileReader::estimatedSqlBytes(m_path));
    m_check->setTargetQuotaBytes(m_quotaBytes);
    m_check->setReplace(replace);
    connect(m_check, &TransferPreflight::finished, this, &RestoreDialog::onChecked);
    m_check->start();
}

void RestoreDialog::onChecked()
{
    const Status status = m_check->status();
    QStringList blockers;
    QStringList warnings;
    bool notEmpty = false;
    for (const PreflightFinding &finding : m_check->findings()) {
        if (finding.severity == PreflightFinding::Severity::Blocker)
            blockers << finding.line;
        else if (finding.severity == PreflightFinding::Severity::Warning)
            warnings << finding.line;
        notEmpty |= finding.targetNotEmpty;
    }
    m_status->setText(SecretRedactor::redact(warnings.join(QLatin1Char(' '))));
    m_status->setVisible(!warnings.isEmpty());
    if (status && blockers.isEmpty())
        return load();
    m_running = false;
    m_cancel->hide();
    m_close->show();
    const QString line = SecretRedactor::redact(
        status ? blockers.join(QLatin1Char(' ')) + tr(" Nothing was restored; the database is untouched.")
               : status.error().oneLine());
    m_error->setText(line);
    m_error->show();
    Q_EMIT activity(tr("Restore"), subject(), line, status || status.error().kind != Error::Kind::Cancelled,
                    m_clock.elapsed());
    // A non-empty database is the one blocker the user can lift here, by replacing its contents.
    if (status && notEmpty && blockers.size() == 1)
        offerReplace();
    DialogStyle::fitHeight(this);
    Q_EMIT restoreFinished(false);
}

void RestoreDialog::load()
{
    m_job = new RestoreJob(m_path, m_target,
                           m_replacing ? RestoreJob::Mode::Replace : RestoreJob::Mode::RefuseNonEmpty, this);
    connect(m_job, &RestoreJob::progress, m_progress, &TransferProgressView::setProgress);
    connect(m_job, &RestoreJob::finished, this, &RestoreDialog::onFinished);
    m_progress->show();
    m_progress->start();
    Q_EMIT activity(tr("Restore"), subject(),
                    m_replacing ? tr("Started, replacing the contents") : tr("Started"), false, -1);
    Q_EMIT loadStarted();
    m_job->start();
}

void RestoreDialog::reject()
{
    if (isRunning()) {
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Cancelling…"));
        if (m_job)
            m_job->cancel(); // onFinished() reports it
        else
            m_check->cancel(); // onChecked() reports it
        return;
    }
    QDialog::reject();
}

void RestoreDialog::onFinished()
{
    const qint64 elapsed = m_clock.elapsed();
    m_running = false;
    m_cancel->hide();
    m_close->show();
    const Status &status = m_job->status();
    if (status) {
        m_progress->finish();
        const QString outcome = tr("Restored %1 into %2 in %3 s.")
                                    .arg(QDir::toNativeSeparators(m_path), m_target.label(),
                                         QLocale().toString(double(elapsed) / 1000.0, 'f', 1));
        m_result->setText(outcome);
        m_result->show();
        m_close->setFocus();
        Q_EMIT activity(tr("Restore"), subject(), outcome, false, elapsed);
        DialogStyle::fitHeight(this);
        Q_EMIT restoreFinished(true);
        return;
    }
    m_progress->stop();
    // Refused before loading: there is no progress to speak of, only the reason.
    m_progress->setVisible(status.error().kind != Error::Kind::Conflict);
    // The job's errors never hold the password (ChildErrorText); this is a second guard for the screen.
    const QString line = SecretRedactor::redact(status.error().oneLine());
    m_error->setText(line);
    m_error->show();
    Q_EMIT activity(tr("Restore"), subject(), line, status.error().kind != Error::Kind::Cancelled, elapsed);
    // Refused (not empty), or stopped after loading began (partly loaded): a replace run is the way on.
    if (status.error().kind == Error::Kind::Conflict || m_job->lastProgress().bytesDone > 0 || m_replacing)
        offerReplace();
    DialogStyle::fitHeight(this);
    Q_EMIT restoreFinished(false);
}

void RestoreDialog::offerReplace()
{
    m_replaceBox->show();
    updateReplace();
    m_confirmEdit->setFocus();
}

void RestoreDialog::updateReplace()
{
    m_replaceButton->setEnabled(!isRunning() && m_confirmEdit->text() == m_app);
}
