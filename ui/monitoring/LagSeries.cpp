// SPDX-License-Identifier: MIT
#include "monitoring/LagSeries.h"

#include <QColor>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>

void LagSeries::add(const MonitorEvent &lag)
{
    m_lags.append(lag);
    if (m_lags.size() > m_capacity)
        m_lags.removeFirst();
}

double LagSeries::maxSince(qint64 begin) const
{
    double max = 0;
    for (const MonitorEvent &lag : m_lags) {
        if (lag.atMs >= begin)
            max = std::max(max, lag.lagMs);
    }
    return max;
}

void LagSeries::paint(QPainter &painter, qint64 begin, const std::function<QPointF(qint64, double)> &place,
                      const QColor &color) const
{
    QPainterPath line;
    for (const MonitorEvent &lag : m_lags) {
        if (lag.atMs < begin)
            continue;
        const QPointF p = place(lag.atMs, lag.lagMs);
        if (line.elementCount() == 0)
            line.moveTo(p);
        else
            line.lineTo(p);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(color, 1, Qt::DashLine));
    painter.drawPath(line);
    painter.setPen(QPen(color, 1.5));
    for (const MonitorEvent &lag : m_lags) {
        if (lag.atMs >= begin)
            drawMarker(painter, place(lag.atMs, lag.lagMs));
    }
}

void LagSeries::drawMarker(QPainter &painter, const QPointF &at)
{
    painter.drawPolygon(QPolygonF(
        {QPointF(at.x(), at.y() - 5), QPointF(at.x() + 5, at.y() + 4), QPointF(at.x() - 5, at.y() + 4)}));
}
