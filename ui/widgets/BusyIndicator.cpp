// SPDX-License-Identifier: MIT
#include "widgets/BusyIndicator.h"

#include <QPainter>

namespace {
constexpr int Spokes = 12;
}

BusyIndicator::BusyIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("busyIndicator"));
    setAccessibleName(tr("Loading"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_timer.setInterval(80);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_step = (m_step + 1) % Spokes;
        update();
    });
    hide();
}

void BusyIndicator::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    setVisible(running);
    if (running)
        m_timer.start();
    else
        m_timer.stop();
}

QSize BusyIndicator::sizeHint() const
{
    return {18, 18};
}

void BusyIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = qMin(width(), height());
    painter.translate(width() / 2.0, height() / 2.0);
    QPen pen(palette().color(QPalette::WindowText));
    pen.setWidthF(side / 9.0);
    pen.setCapStyle(Qt::RoundCap);
    for (int i = 0; i < Spokes; ++i) {
        // The spoke at m_step is darkest; the ones behind it fade out.
        QColor color = pen.color();
        color.setAlphaF(1.0 - ((m_step - i + Spokes) % Spokes) / static_cast<qreal>(Spokes));
        pen.setColor(color);
        painter.setPen(pen);
        painter.drawLine(QPointF(0, -side * 0.22), QPointF(0, -side * 0.42));
        painter.rotate(360.0 / Spokes);
    }
}
