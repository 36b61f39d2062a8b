// SPDX-License-Identifier: MIT
#include "addons/HeldUrlChoice.h"

#include "dburl/DatabaseUrl.h"
#include "widgets/DialogStyle.h"

#include <QComboBox>
#include <QJsonValue>
#include <QLabel>
#include <QVBoxLayout>

namespace {
// The combo's item data: what to do with the holders.
const QString Unset = QStringLiteral("unset");
const QString Keep = QStringLiteral("keep");
} // namespace

HeldUrlChoice::HeldUrlChoice(QWidget *parent)
    : QWidget(parent), m_warning(DialogStyle::warningLabel(this)), m_choice(new QComboBox(this))
{
    m_warning->setObjectName(QStringLiteral("heldUrlWarning"));
    m_choice->setObjectName(QStringLiteral("heldUrlChoice"));
    m_choice->setAccessibleName(tr("What to do with the config vars that hold this database's URL"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_warning);
    layout->addWidget(m_choice);
    hide();
}

void HeldUrlChoice::setVars(const QJsonObject &vars, const DatabaseUrl &url, const QStringList &ownVars)
{
    m_vars = vars;
    m_held = HeldUrlVars::find(vars, url, ownVars);
    m_choice->clear();
    if (m_held.holders.isEmpty()) {
        hide();
        return;
    }
    const QString names = m_held.holders.join(QStringLiteral(", "));
    m_warning->setText(
        m_held.holders.size() == 1
            ? tr("%1 also holds this database's URL: the app would point at a deleted database.").arg(names)
            : tr("%1 also hold this database's URL: the app would point at a deleted database.").arg(names));
    m_warning->show();
    // Unset first: an app without the var fails with a clear "not set", not with a dead host.
    m_choice->addItem(tr("Unset %1").arg(names), Unset);
    for (const QString &other : m_held.alternatives)
        m_choice->addItem(tr("Reassign %1 to %2's database").arg(names, other), other);
    m_choice->addItem(tr("Keep %1 as it is").arg(names), Keep);
    show();
}

QJsonObject HeldUrlChoice::changes() const
{
    const QString action = m_choice->currentData().toString();
    QJsonObject changes;
    if (m_held.holders.isEmpty() || action == Keep)
        return changes;
    // Heroku's PATCH /config-vars: null unsets a var, a string sets it.
    const QJsonValue value = action == Unset ? QJsonValue(QJsonValue::Null) : m_vars.value(action);
    for (const QString &holder : m_held.holders)
        changes.insert(holder, value);
    return changes;
}

QString HeldUrlChoice::report() const
{
    if (m_held.holders.isEmpty())
        return {};
    const QString names = m_held.holders.join(QStringLiteral(", "));
    const QString action = m_choice->currentData().toString();
    const bool one = m_held.holders.size() == 1;
    if (action == Unset)
        return one ? tr("%1 was unset.").arg(names) : tr("%1 were unset.").arg(names);
    if (action == Keep)
        return one ? tr("%1 was kept and still points at the removed database.").arg(names)
                   : tr("%1 were kept and still point at the removed database.").arg(names);
    return one ? tr("%1 now holds %2's URL.").arg(names, action)
               : tr("%1 now hold %2's URL.").arg(names, action);
}
