// SPDX-License-Identifier: MIT
#include "configvars/ConfigVarEditDialog.h"

#include "heroku/ConfigAssignment.h"
#include "widgets/DialogStyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

ConfigVarEditDialog::ConfigVarEditDialog(Mode mode, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(this)), m_value(new QLineEdit(this)),
      m_error(DialogStyle::errorLabel(this))
{
    setObjectName(QStringLiteral("configVarEditDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(mode == Add ? tr("Add config var") : tr("Edit config var"));
    m_name->setObjectName(QStringLiteral("varNameEdit"));
    m_name->setAccessibleName(tr("Config var name"));
    m_name->setReadOnly(mode == Edit);
    m_value->setObjectName(QStringLiteral("varValueEdit"));
    m_value->setAccessibleName(tr("Config var value"));
    m_value->setEchoMode(QLineEdit::Password);
    auto *reveal = new QToolButton(this);
    reveal->setObjectName(QStringLiteral("varRevealButton"));
    reveal->setText(tr("Show"));
    reveal->setAccessibleName(tr("Show the value"));
    reveal->setCheckable(true);
    reveal->setShortcut(QKeySequence(Qt::ALT | Qt::Key_W));
    connect(reveal, &QToolButton::toggled, this, [this, reveal](bool shown) {
        m_value->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(reveal);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    // A row of two widgets gets no buddy from QFormLayout, and a label without one shows its '&'.
    auto *valueLabel = new QLabel(tr("&Value:"), this);
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, valueRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->addButton(tr("&Stage change"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("varOkButton"));
    ok->setDefault(true);
    connect(ok, &QPushButton::clicked, this, &ConfigVarEditDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(DialogStyle::wrappedLabel(
        tr("Nothing is sent yet: review the change in the editor and send it from there."), this));
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_error->setObjectName(QStringLiteral("varError"));
    setMinimumWidth(460);
}

void ConfigVarEditDialog::setName(const QString &name)
{
    m_name->setText(name);
    m_value->setFocus();
}

void ConfigVarEditDialog::setValue(const QString &value)
{
    m_value->setText(value);
}

void ConfigVarEditDialog::submit()
{
    const QString name = m_name->text().trimmed();
    const Status checked = ConfigAssignment::checkVarName(name);
    if (!checked) {
        m_error->setText(tr("Cannot stage this var: %1.").arg(checked.error().message));
        m_error->show();
        return;
    }
    Q_EMIT submitted(name, m_value->text());
    accept();
}
