// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"

#include <QList>
#include <QPointF>
#include <functional>

class QColor;
class QPainter;

// The LatencyChart's replication-lag series: the canary's ReplicationLag events, at most `capacity` of
// them (the monitor's ring keeps the history for export), drawn as hollow triangles joined by a dashed
// line. It does not decide where a point goes (the chart's axes do, through `place`) or what colour the
// series wears; it only keeps the points and draws them.
class LagSeries
{
public:
    explicit LagSeries(int capacity) : m_capacity(capacity) {}

    void add(const MonitorEvent &lag);
    void clear() { m_lags.clear(); }
    bool isEmpty() const { return m_lags.isEmpty(); }
    const QList<MonitorEvent> &points() const { return m_lags; }
    // The largest lag measured at or after `begin` (0 when none), for the y axis.
    double maxSince(qint64 begin) const;
    void paint(QPainter &painter, qint64 begin, const std::function<QPointF(qint64, double)> &place,
               const QColor &color) const;
    // One triangle, for the series and its legend swatch; uses the painter's pen.
    static void drawMarker(QPainter &painter, const QPointF &at);

private:
    int m_capacity;
    QList<MonitorEvent> m_lags;
};
