// SPDX-License-Identifier: MIT
#include "shell/SandboxBadge.h"

#include <QPainter>
#include <QPainterPath>

namespace {
QFont badgeFont(QFont font)
{
    font.setBold(true);
    font.setLetterSpacing(QFont::PercentageSpacing, 108);
    return font;
}
} // namespace

SandboxBadge::SandboxBadge(QWidget *parent) : QWidget(parent), m_text(tr("SANDBOX"))
{
    setObjectName(QStringLiteral("sandboxBadge"));
    setAccessibleName(tr("Sandbox mode"));
    setAccessibleDescription(tr("Connected to a local heroku-sim, not to your Heroku account"));
    setToolTip(tr("Sandbox: these apps live in a local heroku-sim that this console started.\n"
                  "Nothing here touches your Heroku account. Set HEROKU_API_KEY or run "
                  "`cleardbctl login` to use the real one."));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize SandboxBadge::sizeHint() const
{
    const QFontMetrics metrics(badgeFont(font()));
    return {metrics.horizontalAdvance(m_text) + 24, metrics.height() + 8};
}

void SandboxBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF pill = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    // Amber with dark text: the warning colour of road works, readable on light and dark themes.
    painter.fillPath(path, QColor(0xf6, 0x9d, 0x1b));
    painter.setPen(QColor(0x8a, 0x4b, 0x00));
    painter.drawPath(path);
    painter.setFont(badgeFont(font()));
    painter.setPen(QColor(0x23, 0x1a, 0x00));
    painter.drawText(pill, Qt::AlignCenter, m_text);
}
