// SPDX-License-Identifier: MIT
#include "addons/RemoveAddonDialog.h"

#include "heroku/HerokuClient.h"
#include "widgets/DialogStyle.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

RemoveAddonDialog::RemoveAddonDialog(HerokuClient *client, const HerokuAddon &addon,
                                     const std::optional<DatabaseUrl> &url, QWidget *parent)
    : QDialog(parent), m_client(client), m_addon(addon), m_confirmEdit(new QLineEdit(this)),
      m_error(DialogStyle::errorLabel(this)), m_removeButton(new QPushButton(tr("&Remove"), this)),
      m_loss(DialogStyle::warningLabel(this)), m_command(new QLineEdit(this))
{
    setObjectName(QStringLiteral("removeAddonDialog"));
    setWindowTitle(tr("Remove %1").arg(addon.name));
    setAttribute(Qt::WA_DeleteOnClose);

    m_loss->setObjectName(QStringLiteral("removeLossText"));
    m_loss->show();

    auto *exportNote = DialogStyle::wrappedLabel(
        tr("Export the data first if you may need it (mysqldump asks for the password):"), this);
    m_command->setObjectName(QStringLiteral("exportCommand"));
    m_command->setAccessibleName(tr("Export command"));
    m_command->setReadOnly(true);
    setDatabaseUrl(url);
    // The command holds no password (mysqldump asks for it), so a plain copy is safe.
    auto *copyCommand = new QPushButton(tr("Cop&y"), this);
    copyCommand->setObjectName(QStringLiteral("copyExportCommand"));
    copyCommand->setAccessibleName(tr("Copy the export command"));
    connect(copyCommand, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_command->text()); });

    auto *prompt =
        DialogStyle::wrappedLabel(tr("Type the app name, %1, to confirm:").arg(addon.appName), this);
    m_confirmEdit->setObjectName(QStringLiteral("confirmAppEdit"));
    m_confirmEdit->setAccessibleName(tr("App name to confirm"));
    m_confirmEdit->setPlaceholderText(addon.appName);

    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setEnabled(false);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("closeButton"));
    cancel->setDefault(true); // Enter must never destroy a database by accident
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_removeButton, QDialogButtonBox::DestructiveRole);
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_loss);
    layout->addWidget(exportNote);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(copyCommand);
    layout->addLayout(commandRow);
    layout->addSpacing(8);
    layout->addWidget(prompt);
    layout->addWidget(m_confirmEdit);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(640, sizeHint().height());

    // Exact match, as `heroku addons:destroy --confirm`: no trimming, no case folding.
    connect(m_confirmEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_removeButton->setEnabled(!m_sending && text == m_addon.appName);
    });
    connect(m_removeButton, &QPushButton::clicked, this, &RemoveAddonDialog::remove);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_confirmEdit->setFocus();
}

void RemoveAddonDialog::setDatabaseUrl(const std::optional<DatabaseUrl> &url)
{
    const QString varName = m_addon.configVars.isEmpty() ? QStringLiteral("CLEARDB_DATABASE_URL")
                                                         : m_addon.configVars.join(QStringLiteral(", "));
    const QString database = url ? url->database() : tr("the database");
    m_loss->setText(tr("Removing %1 (%2) from %3 destroys %4 and all its data at ClearDB. %5 is unset, so "
                       "every app and dyno that reads it can no longer connect. This cannot be undone.")
                        .arg(m_addon.name, m_addon.planName, m_addon.appName, database, varName));
    m_command->setText(exportCommand(url));
    m_command->setCursorPosition(0);
}

QString RemoveAddonDialog::exportCommand(const std::optional<DatabaseUrl> &url)
{
    if (!url)
        return QStringLiteral("mysqldump -h HOST -u USER -p --single-transaction DATABASE > DATABASE.sql");
    return QStringLiteral("mysqldump -h %1 -P %2 -u %3 -p --single-transaction %4 > %4.sql")
        .arg(url->host())
        .arg(url->port())
        .arg(url->user(), url->database());
}

void RemoveAddonDialog::remove()
{
    // The button is disabled unless the name matches; check again so no other path can send.
    if (m_sending || m_confirmEdit->text() != m_addon.appName || !m_client)
        return;
    m_sending = true;
    m_removeButton->setEnabled(false);
    m_error->hide();
    connect(m_client->deleteAddon(m_addon.appName, m_addon.name), &HerokuRequest::finished, this,
            &RemoveAddonDialog::onRemoved);
}

void RemoveAddonDialog::onRemoved(const HerokuResult &result)
{
    m_sending = false;
    // 404: the add-on is not there (a removal whose answer was lost, or another client's);
    // what the user asked for is true, so it is not an error.
    if (!result.ok() && result.error.httpStatus != 404) {
        // A lost answer may hide a removal that worked: never claim "not removed" then.
        const QString text = result.error.outcomeUnknown ? tr("%1 may or may not have been removed: %2")
                                                         : tr("%1 was not removed: %2");
        m_error->setText(text.arg(m_addon.name, result.error.oneLine()));
        m_error->show();
        DialogStyle::fitHeight(this);
        m_removeButton->setEnabled(m_confirmEdit->text() == m_addon.appName);
        return;
    }
    Q_EMIT removed(m_addon.appName, m_addon.name);
    accept();
}
