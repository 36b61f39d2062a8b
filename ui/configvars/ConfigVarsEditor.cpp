// SPDX-License-Identifier: MIT
#include "configvars/ConfigVarsEditor.h"

#include "configvars/ConfigAssignmentDialog.h"
#include "configvars/ConfigVarEditDialog.h"
#include "configvars/ConfigVarTableModel.h"
#include "configvars/DynoRestart.h"
#include "heroku/HerokuClient.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/MessageBar.h"
#include "widgets/SecretClipboard.h"
#include "widgets/ShortcutAction.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

ConfigVarsEditor::ConfigVarsEditor(HerokuClient *client, const QString &app, QWidget *parent)
    : QDialog(parent), m_client(client), m_app(app), m_model(new ConfigVarTableModel(this)),
      m_messageBar(new MessageBar(this)), m_stack(new QStackedWidget(this)), m_table(new QTableView(this)),
      m_empty(new QLabel(this)), m_readOnly(new QLabel(this))
{
    setObjectName(QStringLiteral("configVarsEditor"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Config vars of %1").arg(app));
    m_messageBar->setObjectName(QStringLiteral("configEditorMessageBar"));
    m_messageBar->hideMessage();
    m_table->setObjectName(QStringLiteral("configVarTable"));
    m_table->setAccessibleName(tr("Config vars of %1, values masked").arg(app));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // The value gets the room; long URLs stay on one line, elided in the middle (host and database show).
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ConfigVarTableModel::ValueColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->installEventFilter(this);
    m_empty->setObjectName(QStringLiteral("configVarsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setTextFormat(Qt::PlainText);
    m_readOnly->hide();

    m_add = addButton(tr("&Add…"), QStringLiteral("addVarButton"), QKeySequence::New);
    m_edit = addButton(tr("&Edit…"), QStringLiteral("editVarButton"), QKeySequence(Qt::Key_F2));
    m_unset = addButton(tr("&Unset"), QStringLiteral("unsetVarButton"), QKeySequence::Delete);
    m_reveal = addButton(tr("Re&veal"), QStringLiteral("revealButton"), QKeySequence(Qt::CTRL | Qt::Key_R));
    m_copy = addButton(tr("&Copy value"), QStringLiteral("copyValueButton"), QKeySequence::Copy);
    m_send = addButton(tr("Review and &send…"), QStringLiteral("reviewButton"),
                       QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_discard = addButton(tr("&Discard changes"), QStringLiteral("discardButton"), QKeySequence());
    m_promote = addButton(tr("&Promote…"), QStringLiteral("promoteButton"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_restart = addButton(tr("Res&tart…"), QStringLiteral("restartButton"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reveal->setCheckable(true);
    auto *rowButtons = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_unset, m_reveal, m_copy})
        rowButtons->addWidget(button);
    rowButtons->addStretch();
    auto *appButtons = new QHBoxLayout;
    for (QPushButton *button : {m_send, m_discard})
        appButtons->addWidget(button);
    appButtons->addStretch();
    appButtons->addWidget(m_promote);
    appButtons->addWidget(m_restart);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addLayout(rowButtons);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_readOnly);
    layout->addLayout(appButtons);
    resize(820, 520);

    connect(m_add, &QPushButton::clicked, this, &ConfigVarsEditor::addVar);
    connect(m_edit, &QPushButton::clicked, this, &ConfigVarsEditor::editVar);
    connect(m_table, &QTableView::doubleClicked, this, &ConfigVarsEditor::editVar);
    connect(m_unset, &QPushButton::clicked, this, &ConfigVarsEditor::unsetVar);
    connect(m_reveal, &QPushButton::clicked, this, &ConfigVarsEditor::toggleReveal);
    connect(m_copy, &QPushButton::clicked, this, &ConfigVarsEditor::copyValue);
    connect(m_send, &QPushButton::clicked, this, &ConfigVarsEditor::review);
    connect(m_discard, &QPushButton::clicked, m_model, &ConfigVarTableModel::discardStaged);
    connect(m_promote, &QPushButton::clicked, this, &ConfigVarsEditor::promote);
    connect(m_restart, &QPushButton::clicked, this, &ConfigVarsEditor::confirmRestart);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConfigVarsEditor::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ConfigVarsEditor::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        // A revealed value never follows the cursor to another row.
        mask();
        updateButtons();
    });
    reload();
}

QPushButton *ConfigVarsEditor::addButton(const QString &text, const QString &objectName,
                                         const QKeySequence &shortcut)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    // Clicking a button must not take focus from the table: leaving the table masks the value.
    button->setFocusPolicy(Qt::TabFocus);
    if (!shortcut.isEmpty()) {
        button->setShortcut(shortcut);
        button->setToolTip(shortcutTip(text, shortcut));
    }
    return button;
}

void ConfigVarsEditor::reload()
{
    if (!m_client)
        return;
    // A reload replaces the one before: its answers, however late, must not count as this one's.
    for (QPointer<HerokuRequest> *earlier : {&m_varsRequest, &m_addonsRequest}) {
        if (*earlier) {
            disconnect(*earlier, nullptr, this, nullptr);
            (*earlier)->cancel();
        }
    }
    m_model->clear();
    m_empty->setText(tr("Loading the config vars of %1…").arg(m_app));
    m_stack->setCurrentWidget(m_empty);
    m_pending = 2;
    m_varsRequest = m_client->configVars(m_app);
    connect(m_varsRequest, &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok()) {
            m_empty->setText(tr("The config vars could not be loaded. See the message above."));
            return m_messageBar->showMessage(
                tr("Could not load the config vars of %1: %2").arg(m_app, result.error.oneLine()),
                MessageBar::Error);
        }
        m_model->setVars(result.object());
        if (--m_pending == 0)
            onLoaded();
    });
    m_addonsRequest = m_client->addonsForApp(m_app);
    connect(m_addonsRequest, &HerokuRequest::finished, this, [this](const HerokuResult &result) {
        if (!result.ok())
            return m_messageBar->showMessage(
                tr("Could not load the add-ons of %1: %2").arg(m_app, result.error.oneLine()),
                MessageBar::Error);
        m_model->setAddons(HerokuAddon::listFromJson(result.array()));
        if (--m_pending == 0)
            onLoaded();
    });
    updateButtons();
}

void ConfigVarsEditor::onLoaded()
{
    m_empty->setText(tr("%1 has no config vars. Add one with Add… (%2), or provision ClearDB from the main "
                        "window.")
                         .arg(m_app, m_add->shortcut().toString(QKeySequence::NativeText)));
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table) : m_empty);
    if (m_model->rowCount() > 0)
        m_table->setCurrentIndex(m_model->index(0, 0));
    updateButtons();
}

QString ConfigVarsEditor::currentName() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->nameAt(current.row()) : QString();
}

void ConfigVarsEditor::updateButtons()
{
    const bool loaded = m_pending == 0;
    const QString name = currentName();
    const QString reason = name.isEmpty() ? QString() : m_model->readOnlyReason(name);
    m_readOnly->setText(reason);
    m_readOnly->setVisible(!reason.isEmpty());
    m_add->setEnabled(loaded && !m_sending);
    m_edit->setEnabled(loaded && !m_sending && !name.isEmpty() && reason.isEmpty());
    m_unset->setEnabled(loaded && !m_sending && !name.isEmpty() && reason.isEmpty() && m_model->isSet(name));
    m_reveal->setEnabled(!name.isEmpty() && m_model->isSet(name));
    m_reveal->setChecked(!name.isEmpty() && m_model->revealed() == name);
    m_copy->setEnabled(!name.isEmpty() && m_model->isSet(name));
    m_send->setEnabled(m_model->hasStaged() && !m_sending);
    m_discard->setEnabled(m_model->hasStaged() && !m_sending);
    // Promote reloads the table afterwards, which would drop staged changes: send or discard them first.
    m_promote->setEnabled(loaded && !m_sending && !m_model->hasStaged());
    m_promote->setToolTip(m_model->hasStaged()
                              ? tr("Send or discard the staged changes first")
                              : tr("Copy CLEARDB_DATABASE_URL into DATABASE_URL (%1)")
                                    .arg(m_promote->shortcut().toString(QKeySequence::NativeText)));
    m_restart->setEnabled(!m_sending);
    if (loaded && m_model->rowCount() > 0)
        m_stack->setCurrentWidget(m_table);
}

bool ConfigVarsEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Focus leaving the table (another widget, another window) masks the revealed row.
    if (watched == m_table && event->type() == QEvent::FocusOut)
        mask();
    return QDialog::eventFilter(watched, event);
}

void ConfigVarsEditor::toggleReveal()
{
    const QString name = currentName();
    if (name.isEmpty() || m_model->revealed() == name)
        return mask();
    m_model->setRevealed(name);
    m_table->setFocus();
    const quint64 generation = ++m_revealGeneration;
    QTimer::singleShot(m_revealTimeoutMs, this, [this, generation] {
        if (generation == m_revealGeneration)
            mask();
    });
    updateButtons();
}

void ConfigVarsEditor::mask()
{
    ++m_revealGeneration;
    if (!m_model->revealed().isEmpty())
        m_model->setRevealed(QString());
    m_reveal->setChecked(false);
}

void ConfigVarsEditor::copyValue()
{
    const QString name = currentName();
    if (name.isEmpty() || !m_model->isSet(name))
        return;
    SecretClipboard::instance()->copy(m_model->value(name));
    m_messageBar->showMessage(tr("Copied the value of %1. The clipboard is cleared in %2 s.")
                                  .arg(name)
                                  .arg(SecretClipboard::instance()->clearDelayMs() / 1000),
                              MessageBar::Information);
}

void ConfigVarsEditor::addVar()
{
    auto *dialog = new ConfigVarEditDialog(ConfigVarEditDialog::Add, this);
    connect(dialog, &ConfigVarEditDialog::submitted, this, [this](const QString &name, const QString &value) {
        if (!m_model->stage(name, value))
            return m_messageBar->showMessage(m_model->readOnlyReason(name), MessageBar::Warning);
        m_stack->setCurrentWidget(m_table);
        m_table->setCurrentIndex(m_model->index(m_model->rowOf(name), 0));
    });
    dialog->open();
}

void ConfigVarsEditor::editVar()
{
    const QString name = currentName();
    if (name.isEmpty() || !m_model->readOnlyReason(name).isEmpty())
        return;
    auto *dialog = new ConfigVarEditDialog(ConfigVarEditDialog::Edit, this);
    dialog->setName(name);
    dialog->setValue(m_model->value(name));
    connect(dialog, &ConfigVarEditDialog::submitted, m_model, &ConfigVarTableModel::stage);
    dialog->open();
}

void ConfigVarsEditor::unsetVar()
{
    const QString name = currentName();
    if (!name.isEmpty())
        m_model->stageUnset(name);
}

void ConfigVarsEditor::review()
{
    if (!m_model->hasStaged())
        return;
    mask();
    const int changes = m_model->stagedChanges().size();
    auto *ask = new ConfirmationDialog(
        tr("Send %n change(s) to %1 in one request?", nullptr, changes).arg(m_app), this);
    ask->setWindowTitle(tr("Review config changes"));
    ask->setDetails(m_model->stagedPreview().join(QLatin1Char('\n')));
    ask->setNote(tr("Heroku restarts the app's dynos when its config vars change (a new release)."));
    ask->setCheckBox(tr("Also &restart all dynos now"));
    ask->setConfirmText(tr("&Send"));
    connect(ask, &ConfirmationDialog::confirmed, this, &ConfigVarsEditor::send);
    ask->open();
}

void ConfigVarsEditor::send(bool restart)
{
    const QJsonObject changes = m_model->stagedChanges();
    if (changes.isEmpty() || m_sending || !m_client)
        return;
    m_sending = true;
    updateButtons();
    m_messageBar->showMessage(tr("Sending %n change(s) to %1…", nullptr, changes.size()).arg(m_app),
                              MessageBar::Information);
    // One PATCH for every staged change: Heroku makes one release of them, not one each.
    connect(
        m_client->updateConfigVars(m_app, changes), &HerokuRequest::finished, this,
        [this, changes, restart](const HerokuResult &result) { onSent(result, changes.size(), restart); });
}

void ConfigVarsEditor::onSent(const HerokuResult &result, int changes, bool restartAfter)
{
    m_sending = false;
    if (!result.ok()) {
        updateButtons();
        return m_messageBar->showMessage(tr("Nothing was changed on %1: %2. Your changes are still staged.")
                                             .arg(m_app, result.error.oneLine()),
                                         MessageBar::Error);
    }
    // Heroku answers the PATCH with every config var after the change.
    m_model->setVars(result.object());
    m_table->setCurrentIndex(m_model->index(0, 0));
    m_messageBar->showMessage(
        tr("Sent %n change(s) to %1. Heroku restarts its dynos with the new config.", nullptr, changes)
            .arg(m_app),
        MessageBar::Positive);
    Q_EMIT configChanged(m_app);
    if (restartAfter)
        restart();
}

void ConfigVarsEditor::promote()
{
    if (!m_client)
        return;
    auto *dialog = new ConfigAssignmentDialog(m_client, this);
    connect(dialog, &ConfigAssignmentDialog::applied, this, [this](const ConfigAssignmentOutcome &outcome) {
        m_messageBar->showMessage(tr("%1. Heroku restarts the dynos of %2 with the new config.")
                                      .arg(outcome.plan.maskedDiff(), m_app),
                                  MessageBar::Positive);
        Q_EMIT configChanged(m_app);
        reload();
    });
    dialog->startPromote(m_app);
    dialog->open();
}

void ConfigVarsEditor::confirmRestart()
{
    DynoRestart::confirm(m_client, m_app, this, m_messageBar);
}

void ConfigVarsEditor::restart()
{
    DynoRestart::send(m_client, m_app, m_messageBar);
}
