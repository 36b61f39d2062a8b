// SPDX-License-Identifier: MIT
#include "addons/RemoveAddonDialog.h"

#include "addons/HeldUrlChoice.h"
#include "heroku/HerokuClient.h"
#include "widgets/DialogStyle.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

RemoveAddonDialog::RemoveAddonDialog(HerokuClient *client, const HerokuAddon &addon,
                                     const std::optional<DatabaseUrl> &url, QWidget *parent)
    : QDialog(parent), m_client(client), m_addon(addon), m_confirmEdit(new QLineEdit(this)),
      m_error(DialogStyle::errorLabel(this)), m_hint(DialogStyle::warningLabel(this)),
      m_held(new HeldUrlChoice(this)), m_removeButton(new QPushButton(tr("&Remove"), this)),
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
    m_hint->setObjectName(QStringLiteral("confirmHint"));
    m_hint->setText(tr("Type %1 exactly to confirm.").arg(addon.appName));

    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setEnabled(false);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("closeButton"));
    // No default button: Enter in the name field is handled below (remove on the exact name, hint
    // otherwise). A default Cancel made a mistyped name plus Enter close the dialog silently, and
    // QDialog would otherwise promote the first auto-default button to default when shown.
    for (QPushButton *button : {copyCommand, m_removeButton, cancel})
        button->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_removeButton, QDialogButtonBox::DestructiveRole);
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_loss);
    layout->addWidget(m_held);
    layout->addWidget(exportNote);
    auto *commandRow = new QHBoxLayout;
    commandRow->addWidget(m_command, 1);
    commandRow->addWidget(copyCommand);
    layout->addLayout(commandRow);
    layout->addSpacing(8);
    layout->addWidget(prompt);
    layout->addWidget(m_confirmEdit);
    layout->addWidget(m_hint);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(640, sizeHint().height());

    // Exact match, as `heroku addons:destroy --confirm`: no trimming, no case folding.
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &RemoveAddonDialog::updateConfirm);
    connect(m_confirmEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_confirmEdit->text() == m_addon.appName) {
            remove();
            return;
        }
        m_hint->show();
        DialogStyle::fitHeight(this);
    });
    connect(m_removeButton, &QPushButton::clicked, this, &RemoveAddonDialog::remove);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_confirmEdit->setFocus();
    if (m_client) {
        connect(m_client->configVars(m_addon.appName), &HerokuRequest::finished, this,
                &RemoveAddonDialog::onVarsLoaded);
    } else {
        m_checked = true;
    }
}

void RemoveAddonDialog::updateConfirm()
{
    const bool matches = m_confirmEdit->text() == m_addon.appName;
    m_removeButton->setEnabled(!m_sending && m_checked && matches);
    // Hinted while a typed name is wrong; an empty field is not a mistake yet.
    const bool hint = !matches && !m_confirmEdit->text().isEmpty();
    if (hint != m_hint->isVisible()) {
        m_hint->setVisible(hint);
        DialogStyle::fitHeight(this);
    }
}

void RemoveAddonDialog::onVarsLoaded(const HerokuResult &result)
{
    m_checked = true;
    if (!result.ok()) {
        // The removal itself can still go ahead; the user is told what was not checked.
        showError(tr("Could not check whether other config vars hold this database's URL: %1")
                      .arg(result.error.oneLine()));
    } else {
        const QString ownVar = m_addon.configVars.isEmpty() ? QStringLiteral("CLEARDB_DATABASE_URL")
                                                            : m_addon.configVars.first();
        const DatabaseUrl::ParseResult url = DatabaseUrl::parse(result.object().value(ownVar).toString());
        if (url.ok()) {
            m_held->setVars(result.object(), url.url,
                            m_addon.configVars.isEmpty() ? QStringList{ownVar} : m_addon.configVars);
            DialogStyle::fitHeight(this);
        }
    }
    updateConfirm();
}

void RemoveAddonDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    DialogStyle::fitHeight(this);
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
    if (m_sending || !m_checked || m_confirmEdit->text() != m_addon.appName || !m_client)
        return;
    m_sending = true;
    m_removeButton->setEnabled(false);
    m_error->hide();
    const QJsonObject changes = m_held->changes();
    if (m_patched || changes.isEmpty()) {
        sendDelete();
        return;
    }
    // The config change goes first. If the DELETE then fails, the database still exists and its
    // URL is still in the add-on's own var: nothing is lost, and a retry sends only the DELETE. The
    // other order could leave DATABASE_URL pointing at a deleted database when the PATCH fails.
    connect(m_client->updateConfigVars(m_addon.appName, changes), &HerokuRequest::finished, this,
            &RemoveAddonDialog::onPatched);
}

void RemoveAddonDialog::onPatched(const HerokuResult &result)
{
    if (!result.ok()) {
        m_sending = false;
        const QString vars = m_held->holders().join(QStringLiteral(", "));
        showError(result.error.outcomeUnknown
                      ? tr("%1 may or may not have been changed, and nothing was removed: %2")
                            .arg(vars, result.error.oneLine())
                      : tr("%1 could not be changed, so nothing was removed: %2")
                            .arg(vars, result.error.oneLine()));
        updateConfirm();
        return;
    }
    m_patched = true;
    // Done: a retry after a failed DELETE sends only the DELETE, so the choice no longer applies.
    m_held->setEnabled(false);
    sendDelete();
}

void RemoveAddonDialog::sendDelete()
{
    if (!m_client) // the session went between the PATCH's answer and now; the dialog is closing
        return;
    m_configReport = m_held->report();
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
        QString line = text.arg(m_addon.name, result.error.oneLine());
        if (m_patched)
            line += QLatin1Char(' ') + m_configReport;
        showError(line);
        updateConfirm();
        return;
    }
    Q_EMIT removed(m_addon.appName, m_addon.name, m_configReport);
    accept();
}
