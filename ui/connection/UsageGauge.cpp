// SPDX-License-Identifier: MIT
#include "connection/UsageGauge.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

UsageGauge::UsageGauge(const QString &title, const QString &objectName, QWidget *parent)
    : QWidget(parent), m_title(new QLabel(title, this)), m_bar(new QProgressBar(this)),
      m_text(new QLabel(this))
{
    setObjectName(objectName);
    m_bar->setObjectName(objectName + QStringLiteral("Bar"));
    m_bar->setAccessibleName(title);
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(220);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Connections  ")));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_text, 2);
    clear();
}

void UsageGauge::clear()
{
    setFigures(tr("—"), -1, UsageFinding::Level::Fine);
}

void UsageGauge::setFigures(const QString &text, int percent, UsageFinding::Level level)
{
    m_level = level;
    m_text->setText(text);
    m_bar->setValue(qBound(0, percent, 100));
    m_bar->setAccessibleDescription(text);
    QPalette palette = this->palette();
    if (level == UsageFinding::Level::Alert)
        palette.setColor(QPalette::Highlight, QColor(0xc0, 0x1c, 0x28));
    else if (level == UsageFinding::Level::Warning)
        palette.setColor(QPalette::Highlight, QColor(0xe5, 0xa5, 0x0a));
    m_bar->setPalette(palette);
}

QString UsageGauge::text() const
{
    return m_text->text();
}
