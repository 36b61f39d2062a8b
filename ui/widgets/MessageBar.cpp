// SPDX-License-Identifier: MIT
#include "widgets/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace {
struct Look
{
    QStyle::StandardPixmap icon;
    const char *background;
    const char *border;
};

// The palette KMessageWidget uses, so the colours read the same as in KDE apps.
Look lookOf(MessageBar::Type type)
{
    switch (type) {
    case MessageBar::Positive:
        return {QStyle::SP_DialogApplyButton, "#dff3e4", "#27ae60"};
    case MessageBar::Information:
        return {QStyle::SP_MessageBoxInformation, "#dcecf9", "#3daee9"};
    case MessageBar::Warning:
        return {QStyle::SP_MessageBoxWarning, "#fcf0d9", "#f67400"};
    case MessageBar::Error:
        break;
    }
    return {QStyle::SP_MessageBoxCritical, "#f9dedf", "#da4453"};
}
} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)), m_action(new QToolButton(this)),
      m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Message"));
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_action->setObjectName(QStringLiteral("messageAction"));
    m_action->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_close->setObjectName(QStringLiteral("messageClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAccessibleName(tr("Close message"));
    m_close->setToolTip(tr("Close message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 6, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_action, &QToolButton::clicked, this, [this] {
        hideMessage();
        Q_EMIT actionTriggered();
    });
    connect(m_close, &QToolButton::clicked, this, &MessageBar::hideMessage);
    hide();
}

void MessageBar::showMessage(const QString &text, Type type, const QString &actionText)
{
    m_type = type;
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty());
    applyStyle();
    show();
}

void MessageBar::hideMessage()
{
    hide();
    m_text->clear();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::applyStyle()
{
    const Look look = lookOf(m_type);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(look.icon).pixmap(size, size));
    // Fixed light colours with dark text, so the bar stays readable on dark themes too.
    setStyleSheet(QStringLiteral("MessageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 " MessageBar QLabel { color: #232629; }")
                      .arg(QLatin1String(look.background), QLatin1String(look.border)));
}
