// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"
#include "monitoring/LagSeries.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QWidget>

// The monitor's live latency chart, drawn with QPainter: one point per probe over the last minute
// (setSpanMs), coloured by the @@server_id that answered, so a failover shows as a change of colour;
// probes that got no answer are red crosses along the top; failover and failback events are vertical
// markers. The canary's replication-lag measurements (ReplicationLag events) are a second series on the
// same millisecond axis: hollow triangles joined by a dashed line in the text colour, named "replication
// lag" in the legend. The y axis scales to the slowest probe or lag in view. It keeps at most kCapacity
// samples and lags (the monitor's own ring holds the full history for export).
//
//     connect(monitor, &FailoverMonitor::sampleRecorded, chart, &LatencyChart::addSample);
//     connect(monitor, &FailoverMonitor::eventRecorded, chart, &LatencyChart::addEvent);
class LatencyChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kCapacity = 4000;

    explicit LatencyChart(QWidget *parent = nullptr);

    void addSample(const MonitorSample &sample);
    // A ReplicationLag event is a point of the lag series; failover and failback are drawn as markers.
    void addEvent(const MonitorEvent &event);
    void clear();
    void setSpanMs(qint64 spanMs);
    int sampleCount() const { return int(m_samples.size()); }
    int eventCount() const { return int(m_events.size()); }
    // The replication-lag series, oldest first.
    QList<MonitorEvent> lags() const { return m_lags.points(); }
    // The colour the chart gives to a server id (stable for the chart's life); red means no answer.
    QColor colorForServer(qint64 serverId);
    QList<qint64> servers() const { return m_servers; }

    // Where the last paint put each text label (axes, event markers, legend), for tests: labels never
    // overlap each other and stay inside the widget, whatever its size.
    QList<QRectF> labelRects() const { return m_labelRects; }

    QSize sizeHint() const override { return {600, 240}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void drawLegend(QPainter &painter, const QRect &plot);
    static void drawMarker(QPainter &painter, const QString &target, const QPointF &at);
    void updateDescription();
    // Draws `text` in `box` with `flags` when the space it really covers is inside the widget and free
    // of every label drawn before it (those come first: axes, legend, then events); returns false and
    // draws nothing otherwise, so a crowded chart loses a label rather than showing two on top of each other.
    bool drawLabel(QPainter &painter, const QRectF &box, int flags, const QString &text);

    QList<MonitorSample> m_samples;
    QList<MonitorEvent> m_events;
    LagSeries m_lags{kCapacity};
    QList<qint64> m_servers; // in order of first appearance: index = colour
    qint64 m_spanMs = 60000;
    QList<QRectF> m_labelRects;
};
