// SPDX-License-Identifier: MIT
#include "backups/BackupDialog.h"

#include "backups/TransferProgressView.h"
#include "credentials/SecretRedactor.h"
#include "transfer/DumpJob.h"
#include "widgets/DialogStyle.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

BackupDialog::BackupDialog(const QString &app, const QString &addon, const DatabaseEndpoint &source,
                           const QString &path, QWidget *parent)
    : QDialog(parent), m_app(app), m_addon(addon), m_source(source), m_path(path),
      m_job(new DumpJob(source, path, this)), m_progress(new TransferProgressView(this)),
      m_result(DialogStyle::wrappedLabel(QString(), this)), m_error(DialogStyle::errorLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Back up %1").arg(addon));
    SecretRedactor::registerSecret(m_source.password);
    setAttribute(Qt::WA_DeleteOnClose);

    auto *summary = DialogStyle::wrappedLabel(
        tr("Backing up %1 (%2 of %3) to %4").arg(source.label(), addon, app, QDir::toNativeSeparators(path)),
        this);
    summary->setObjectName(QStringLiteral("transferSummary"));
    m_result->setObjectName(QStringLiteral("transferResult"));
    m_result->hide();
    m_cancel->setObjectName(QStringLiteral("cancelTransferButton"));
    m_cancel->setAutoDefault(false); // Enter must not stop a backup by accident
    m_close->setObjectName(QStringLiteral("closeButton"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_close, QDialogButtonBox::AcceptRole);
    m_close->hide(); // after addButton(), which shows it

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());

    connect(m_cancel, &QPushButton::clicked, this, &BackupDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_job, &DumpJob::progress, m_progress, &TransferProgressView::setProgress);
    connect(m_job, &DumpJob::finished, this, &BackupDialog::onFinished);
}

BackupDialog::~BackupDialog()
{
    SecretRedactor::unregisterSecret(m_source.password);
}

void BackupDialog::start()
{
    m_running = true;
    m_clock.start();
    m_progress->start();
    Q_EMIT activity(tr("Backup"), tr("%1 %2 (%3) to %4").arg(m_app, m_addon, m_source.label(), m_path),
                    tr("Started"), false, -1);
    m_job->start();
}

bool BackupDialog::isRunning() const
{
    return m_running;
}

void BackupDialog::reject()
{
    if (m_running) {
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Cancelling…"));
        m_job->cancel(); // onFinished() reports it
        return;
    }
    QDialog::reject();
}

void BackupDialog::onFinished()
{
    const qint64 elapsed = m_clock.elapsed();
    m_running = false;
    const QString subject = tr("%1 %2 (%3) to %4").arg(m_app, m_addon, m_source.label(), m_path);
    m_cancel->hide();
    m_close->show();
    m_close->setDefault(true);
    m_close->setFocus();
    const Status &status = m_job->status();
    if (status) {
        m_progress->finish();
        const QString size =
            QLocale().formattedDataSize(QFileInfo(m_path).size(), 1, QLocale::DataSizeTraditionalFormat);
        const QString outcome = tr("Backed up to %1: %2 in %3 s, %n definer clause(s) removed.", nullptr,
                                   int(m_job->definersRemoved()))
                                    .arg(QDir::toNativeSeparators(m_path), size)
                                    .arg(QLocale().toString(double(elapsed) / 1000.0, 'f', 1));
        m_result->setText(outcome);
        m_result->show();
        Q_EMIT activity(tr("Backup"), subject, outcome, false, elapsed);
    } else {
        m_progress->stop();
        // The job's errors never hold the password (ChildErrorText); this is a second guard for the screen.
        const QString line = SecretRedactor::redact(status.error().oneLine());
        m_error->setText(line);
        m_error->show();
        Q_EMIT activity(tr("Backup"), subject, line, status.error().kind != Error::Kind::Cancelled, elapsed);
    }
    DialogStyle::fitHeight(this);
    Q_EMIT backupFinished(bool(status));
}
