// SPDX-License-Identifier: MIT
#include "connection/FactsCard.h"

#include <QFormLayout>
#include <QLabel>

FactsCard::FactsCard(const QString &title, const QString &objectName, QWidget *parent)
    : QGroupBox(title, parent)
{
    setObjectName(objectName);
    setAccessibleName(title);
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

QLabel *FactsCard::addRow(const QString &objectName, const QString &title, Wrap wrap)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(wrap == Wrap::Yes);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(title);
    static_cast<QFormLayout *>(layout())->addRow(title + QLatin1Char(':'), label);
    return label;
}
