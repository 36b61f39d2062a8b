// SPDX-License-Identifier: MIT
#include "monitoring/MasterUrlsDialog.h"

#include "probe/UrlProbeTarget.h"
#include "widgets/DialogStyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

MasterUrlsDialog::MasterUrlsDialog(const Secret &primary, const Secret &secondary, QWidget *parent)
    : QDialog(parent), m_primary(new QLineEdit(this)), m_secondary(new QLineEdit(this)),
      m_error(new QLabel(this)), m_suggested(new QPushButton(this))
{
    setObjectName(QStringLiteral("masterUrlsDialog"));
    setWindowTitle(tr("Watch masters"));
    setAttribute(Qt::WA_DeleteOnClose);
    QLabel *intro = DialogStyle::wrappedLabel(
        tr("A dedicated cluster's two masters each have their own URL besides the routed one. The monitor "
           "probes each master beside the routed URL, and measuring replication lag needs both."),
        this);
    for (const auto &[edit, name, label, value] :
         {std::tuple{m_primary, QStringLiteral("primaryUrlEdit"), tr("Primary master's URL"), &primary},
          std::tuple{m_secondary, QStringLiteral("secondaryUrlEdit"), tr("Secondary master's URL"),
                     &secondary}}) {
        edit->setObjectName(name);
        edit->setAccessibleName(label);
        edit->setEchoMode(QLineEdit::Password);
        edit->setPlaceholderText(tr("mysql://user:password@host:port/database"));
        edit->setText(value->reveal());
    }
    auto *reveal = new QToolButton(this);
    reveal->setObjectName(QStringLiteral("masterUrlsReveal"));
    reveal->setText(tr("Show"));
    reveal->setAccessibleName(tr("Show the masters' URLs"));
    reveal->setCheckable(true);
    connect(reveal, &QToolButton::toggled, this, [this, reveal](bool shown) {
        for (QLineEdit *edit : {m_primary, m_secondary})
            edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        reveal->setText(shown ? tr("Hide") : tr("Show"));
    });
    m_error->setObjectName(QStringLiteral("masterUrlsError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    m_suggested->setObjectName(QStringLiteral("suggestedMastersButton"));
    m_suggested->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *use = buttons->addButton(tr("&Watch masters"), QDialogButtonBox::AcceptRole);
    use->setObjectName(QStringLiteral("useMastersButton"));
    use->setDefault(true);
    auto *clear = buttons->addButton(tr("&Stop watching masters"), QDialogButtonBox::ResetRole);
    clear->setObjectName(QStringLiteral("clearMastersButton"));
    clear->setEnabled(!primary.isEmpty());
    connect(use, &QPushButton::clicked, this, &MasterUrlsDialog::useMasters);
    connect(clear, &QPushButton::clicked, this, [this] {
        Q_EMIT mastersChosen(Secret(), Secret());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Primary:"), m_primary);
    form->addRow(tr("S&econdary:"), m_secondary);
    auto *row = new QHBoxLayout;
    row->addWidget(reveal);
    row->addWidget(m_suggested);
    row->addStretch(1);
    form->addRow(QString(), row);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void MasterUrlsDialog::useMasters()
{
    for (const auto &[edit, what] :
         {std::pair{m_primary, tr("The primary's URL")}, std::pair{m_secondary, tr("The secondary's URL")}}) {
        const QString text = edit->text().trimmed();
        const Result<ProbeTarget> parsed = UrlProbeTarget::fromText(text);
        if (text.isEmpty() || !parsed) {
            m_error->setText(text.isEmpty()
                                 ? tr("%1 is empty: enter both masters' URLs.").arg(what)
                                 : tr("%1 cannot be used: %2").arg(what, parsed.error().oneLine()));
            m_error->show();
            edit->setFocus();
            return;
        }
    }
    Q_EMIT mastersChosen(Secret(m_primary->text().trimmed()), Secret(m_secondary->text().trimmed()));
    accept();
}

void MasterUrlsDialog::suggest(const Secret &primary, const Secret &secondary, const QString &buttonText)
{
    m_suggested->setText(buttonText);
    m_suggested->disconnect(this);
    connect(m_suggested, &QPushButton::clicked, this, [this, primary, secondary] {
        m_primary->setText(primary.reveal());
        m_secondary->setText(secondary.reveal());
        m_error->hide();
    });
    m_suggested->show();
}
