// SPDX-License-Identifier: MIT
#include "widgets/ConfirmationDialog.h"

#include "widgets/DialogStyle.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

ConfirmationDialog::ConfirmationDialog(const QString &text, QWidget *parent)
    : QDialog(parent), m_details(new QLabel(this)), m_note(new QLabel(this)), m_check(new QCheckBox(this))
{
    setObjectName(QStringLiteral("confirmationDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    QLabel *question = DialogStyle::wrappedLabel(text, this);
    question->setObjectName(QStringLiteral("confirmationText"));
    m_details->setObjectName(QStringLiteral("confirmationDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setWordWrap(true);
    m_details->hide();
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    m_check->setObjectName(QStringLiteral("confirmationCheck"));
    m_check->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_confirm = buttons->addButton(tr("OK"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        Q_EMIT confirmed(m_check->isVisibleTo(this) && m_check->isChecked());
        accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_details);
    layout->addWidget(m_note);
    layout->addWidget(m_check);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void ConfirmationDialog::setDetails(const QString &details)
{
    m_details->setText(details);
    m_details->setVisible(!details.isEmpty());
}

void ConfirmationDialog::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void ConfirmationDialog::setCheckBox(const QString &text, bool checked)
{
    m_check->setText(text);
    m_check->setChecked(checked);
    m_check->setVisible(true);
}

void ConfirmationDialog::setConfirmText(const QString &text)
{
    m_confirm->setText(text);
}
