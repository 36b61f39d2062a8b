// SPDX-License-Identifier: MIT
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace {
struct Look
{
    QStyle::StandardPixmap icon;
    QColor accent;
};

// The accents KMessageWidget uses, so the colours read the same as in KDE apps.
Look lookOf(MessageBar::Type type)
{
    switch (type) {
    case MessageBar::Positive:
        return {QStyle::SP_DialogApplyButton, QColor(0x27, 0xae, 0x60)};
    case MessageBar::Information:
        return {QStyle::SP_MessageBoxInformation, QColor(0x3d, 0xae, 0xe9)};
    case MessageBar::Warning:
        return {QStyle::SP_MessageBoxWarning, QColor(0xf6, 0x74, 0x00)};
    case MessageBar::Error:
        break;
    }
    return {QStyle::SP_MessageBoxCritical, QColor(0xda, 0x44, 0x53)};
}

// KMessageWidget's background: a fifth of the accent over the window colour, light in a light
// scheme and dark in a dark one, so the scheme's text colour stays readable on it.
QColor tinted(const QColor &window, const QColor &accent)
{
    const auto mix = [](double w, double a) { return int(0.8 * w * 255 + 0.2 * a * 255 + 0.5); };
    return QColor(mix(window.redF(), accent.redF()), mix(window.greenF(), accent.greenF()),
                  mix(window.blueF(), accent.blueF()));
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
    // The scheme's colours come from the parent: this bar's own palette carries the style sheet's.
    const QPalette scheme = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    const QString sheet =
        QStringLiteral("MessageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                       " MessageBar QLabel { color: %3; }")
            .arg(tinted(scheme.color(QPalette::Window), look.accent).name(), look.accent.name(),
                 scheme.color(QPalette::WindowText).name());
    // Setting an equal sheet again would re-polish and send another palette change.
    if (sheet != styleSheet())
        setStyleSheet(sheet);
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // The desktop switched between light and dark while the console runs.
    if (event->type() == QEvent::PaletteChange && isVisible())
        applyStyle();
}
