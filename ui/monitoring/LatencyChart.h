// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"
#include "monitor/MonitorSample.h"

#include <QColor>
#include <QList>
#include <QWidget>

// The monitor's live latency chart, drawn with QPainter: one point per probe over the last minute
// (setSpanMs), coloured by the @@server_id that answered, so a failover shows as a change of colour;
// probes that got no answer are red crosses along the top; failover and failback events are vertical
// markers. The y axis scales to the slowest probe in view. It keeps at most kCapacity samples (the
// monitor's own ring holds the full history for export).
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
    void addEvent(const MonitorEvent &event);
    void clear();
    void setSpanMs(qint64 spanMs);
    int sampleCount() const { return int(m_samples.size()); }
    int eventCount() const { return int(m_events.size()); }
    // The colour the chart gives to a server id (stable for the chart's life); red means no answer.
    QColor colorForServer(qint64 serverId);
    QList<qint64> servers() const { return m_servers; }

    QSize sizeHint() const override { return {600, 240}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void drawLegend(QPainter &painter, const QRect &plot);
    static void drawMarker(QPainter &painter, const QString &target, const QPointF &at);
    void updateDescription();

    QList<MonitorSample> m_samples;
    QList<MonitorEvent> m_events;
    QList<qint64> m_servers; // in order of first appearance: index = colour
    qint64 m_spanMs = 60000;
};
