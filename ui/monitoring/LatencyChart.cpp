// SPDX-License-Identifier: MIT
#include "monitoring/LatencyChart.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {
const QColor kNoAnswer(0xda, 0x44, 0x53);
const QColor kFailback(0x27, 0xae, 0x60);
// Distinguishable on light and dark backgrounds (Breeze accents); red is kept for "no answer".
const QColor kServerColors[] = {QColor(0x3d, 0xae, 0xe9), QColor(0xf6, 0x74, 0x00), QColor(0x9b, 0x59, 0xb6),
                                QColor(0x1a, 0xbc, 0x9c), QColor(0xfd, 0xbc, 0x4b)};
constexpr int kLeft = 56;
constexpr int kRight = 12;
constexpr int kTop = 26;
constexpr int kBottom = 22;

// 1, 2, 5 × 10^n above `value`, so axis labels are round numbers.
double niceCeiling(double value)
{
    const double base = std::pow(10.0, std::floor(std::log10(std::max(value, 1.0))));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * base >= value)
            return step * base;
    }
    return 10 * base;
}
} // namespace

LatencyChart::LatencyChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("latencyChart"));
    setAccessibleName(tr("Latency chart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateDescription();
}

QColor LatencyChart::colorForServer(qint64 serverId)
{
    if (serverId < 0)
        return kNoAnswer;
    qsizetype index = m_servers.indexOf(serverId);
    if (index < 0) {
        m_servers.append(serverId);
        index = m_servers.size() - 1;
    }
    return kServerColors[index % qsizetype(std::size(kServerColors))];
}

void LatencyChart::addSample(const MonitorSample &sample)
{
    m_samples.append(sample);
    if (m_samples.size() > kCapacity)
        m_samples.remove(0, m_samples.size() - kCapacity);
    if (sample.ok)
        colorForServer(sample.serverId);
    updateDescription();
    update();
}

void LatencyChart::addEvent(const MonitorEvent &event)
{
    if (event.kind == MonitorEvent::Kind::ReplicationLag) {
        m_lags.add(event);
        updateDescription();
        update();
        return;
    }
    m_events.append(event);
    if (m_events.size() > kCapacity)
        m_events.removeFirst();
    update();
}

void LatencyChart::clear()
{
    m_samples.clear();
    m_events.clear();
    m_lags.clear();
    m_servers.clear();
    updateDescription();
    update();
}

void LatencyChart::setSpanMs(qint64 spanMs)
{
    m_spanMs = std::max<qint64>(1000, spanMs);
    update();
}

bool LatencyChart::drawLabel(QPainter &painter, const QRectF &box, int flags, const QString &text)
{
    const QRectF covered = painter.boundingRect(box, flags, text);
    if (!QRectF(rect()).contains(covered))
        return false;
    for (const QRectF &taken : std::as_const(m_labelRects)) {
        // One pixel apart at least, so neighbours never touch.
        if (taken.adjusted(-1, -1, 1, 1).intersects(covered))
            return false;
    }
    painter.drawText(box, flags, text);
    m_labelRects.append(covered);
    return true;
}

void LatencyChart::paintEvent(QPaintEvent *)
{
    m_labelRects.clear();
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const QRect plot = rect().adjusted(kLeft, kTop, -kRight, -kBottom);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(110);

    if (m_samples.isEmpty()) {
        painter.setPen(pal.color(QPalette::Disabled, QPalette::Text));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("No samples yet. Press Start to probe the database every interval; each "
                            "probe's latency appears here, coloured by the server that answered."));
        return;
    }

    // The span grows with the data up to m_spanMs, so the first seconds are not a sliver at the right.
    const qint64 end = m_samples.constLast().atMs;
    const qint64 span = std::clamp<qint64>(end - m_samples.constFirst().atMs, 10000, m_spanMs);
    const qint64 begin = end - span;
    double maxMs = 1;
    for (const MonitorSample &s : std::as_const(m_samples)) {
        if (s.atMs >= begin && s.ok)
            maxMs = std::max(maxMs, s.latencyMs);
    }
    maxMs = std::max(maxMs, m_lags.maxSince(begin));
    const double top = niceCeiling(maxMs * 1.1);
    const auto xOf = [&](qint64 at) {
        return plot.left() + double(at - begin) / double(span) * plot.width();
    };
    const auto yOf = [&](double ms) { return plot.bottom() - std::min(ms, top) / top * plot.height(); };

    // Grid: four horizontal lines labelled in ms, and a tick every 10 s of the span.
    painter.setPen(grid);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4.0;
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    painter.setPen(text);
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.bottom() - plot.height() * i / 4.0;
        drawLabel(painter, QRectF(0, y - 8, kLeft - 6, 16), Qt::AlignRight | Qt::AlignVCenter,
                  tr("%1 ms").arg(top * i / 4.0, 0, 'g', 3));
    }
    drawLabel(painter, QRectF(plot.left(), plot.bottom() + 4, plot.width(), kBottom - 4),
              Qt::AlignRight | Qt::AlignTop, tr("now"));
    drawLabel(painter, QRectF(plot.left(), plot.bottom() + 4, plot.width(), kBottom - 4),
              Qt::AlignLeft | Qt::AlignTop, tr("−%1 s").arg(span / 1000));

    drawLegend(painter, plot);

    // Events first, so the samples draw over the markers.
    for (const MonitorEvent &event : std::as_const(m_events)) {
        const bool failover = event.kind == MonitorEvent::Kind::Failover;
        if ((!failover && event.kind != MonitorEvent::Kind::Failback) || event.atMs < begin)
            continue;
        const double x = xOf(event.atMs);
        painter.setPen(QPen(failover ? kNoAnswer : kFailback, 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        // Labels sit at the bottom (the top row holds the no-answer crosses), right of the marker or left
        // of it; when a neighbour's label is there, one row up, and so on; with no free place, the dashed
        // line alone marks it (the events list names it).
        const QString label = failover ? tr("failover") : tr("failback");
        const double width = painter.fontMetrics().horizontalAdvance(label) + 2;
        const double height = painter.fontMetrics().height();
        for (int row = 0; row < 4; ++row) {
            const double y = plot.bottom() - 2 - (row + 1) * (height + 2);
            if (y < plot.top() + 14 ||
                drawLabel(painter, QRectF(x + 3, y, width, height), Qt::AlignLeft, label) ||
                drawLabel(painter, QRectF(x - 3 - width, y, width, height), Qt::AlignRight, label))
                break;
        }
    }

    // One thin line per endpoint links its answers, broken where it got none; each point wears its
    // server's colour.
    QHash<QString, QPainterPath> lines;
    QHash<QString, bool> broken;
    for (const MonitorSample &s : std::as_const(m_samples)) {
        if (s.atMs < begin)
            continue;
        if (!s.ok) {
            broken[s.target] = true;
            continue;
        }
        QPainterPath &path = lines[s.target];
        const QPointF p(xOf(s.atMs), yOf(s.latencyMs));
        if (path.elementCount() == 0 || broken.value(s.target))
            path.moveTo(p);
        else
            path.lineTo(p);
        broken[s.target] = false;
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    for (const QPainterPath &path : std::as_const(lines))
        painter.drawPath(path);
    for (const MonitorSample &s : std::as_const(m_samples)) {
        if (s.atMs < begin)
            continue;
        const double x = xOf(s.atMs);
        if (!s.ok) {
            painter.setPen(QPen(kNoAnswer, 2));
            const double y = plot.top() + 6;
            painter.drawLine(QPointF(x - 4, y - 4), QPointF(x + 4, y + 4));
            painter.drawLine(QPointF(x - 4, y + 4), QPointF(x + 4, y - 4));
            continue;
        }
        const qsizetype index = m_servers.indexOf(s.serverId);
        const QColor color =
            kServerColors[std::max<qsizetype>(0, index) % qsizetype(std::size(kServerColors))];
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        drawMarker(painter, s.target, QPointF(x, yOf(s.latencyMs)));
    }
    // The text colour reads on light and dark schemes and is none of the servers' colours.
    m_lags.paint(
        painter, begin, [&](qint64 at, double ms) { return QPointF(xOf(at), yOf(ms)); },
        pal.color(QPalette::Text));
    painter.setPen(grid);
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
}

void LatencyChart::drawMarker(QPainter &painter, const QString &target, const QPointF &at)
{
    // The routed endpoint (what applications use) is a dot; a master's own URL, watched beside it
    // during a drill or for a dedicated cluster, is a square (primary) or a diamond (secondary).
    if (target == QLatin1String("primary")) {
        painter.drawRect(QRectF(at.x() - 3.5, at.y() - 3.5, 7, 7));
    } else if (target == QLatin1String("secondary")) {
        painter.drawPolygon(QPolygonF({QPointF(at.x(), at.y() - 4.5), QPointF(at.x() + 4.5, at.y()),
                                       QPointF(at.x(), at.y() + 4.5), QPointF(at.x() - 4.5, at.y())}));
    } else {
        painter.drawEllipse(at, 3.5, 3.5);
    }
}

void LatencyChart::drawLegend(QPainter &painter, const QRect &plot)
{
    const QFontMetrics metrics = painter.fontMetrics();
    double x = plot.left();
    const double y = 6;
    const auto item = [&](const QColor &color, const QString &label) {
        painter.setPen(palette().color(QPalette::Text));
        // A narrow chart shows the items that fit; the swatch goes with its label or not at all.
        if (drawLabel(painter, QRectF(x + 14, y, metrics.horizontalAdvance(label) + 1, 14),
                      Qt::AlignLeft | Qt::AlignVCenter, label)) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(color);
            painter.drawEllipse(QPointF(x + 5, y + 7), 5, 5);
        }
        x += 24 + metrics.horizontalAdvance(label);
    };
    for (qsizetype i = 0; i < m_servers.size(); ++i)
        item(kServerColors[i % qsizetype(std::size(kServerColors))], tr("server %1").arg(m_servers.at(i)));
    item(kNoAnswer, tr("no answer"));
    if (!m_lags.isEmpty()) {
        const QString label = tr("replication lag");
        painter.setPen(palette().color(QPalette::Text));
        if (drawLabel(painter, QRectF(x + 14, y, metrics.horizontalAdvance(label) + 1, 14),
                      Qt::AlignLeft | Qt::AlignVCenter, label)) {
            painter.setPen(QPen(palette().color(QPalette::Text), 1.5));
            painter.setBrush(Qt::NoBrush);
            LagSeries::drawMarker(painter, QPointF(x + 5, y + 7));
        }
        x += 24 + metrics.horizontalAdvance(label);
    }
    // Shapes only matter when more than one endpoint is watched.
    QStringList targets;
    for (const MonitorSample &s : std::as_const(m_samples)) {
        if (!targets.contains(s.target))
            targets.append(s.target);
    }
    if (targets.size() < 2)
        return;
    x += 12;
    for (const QString &target : std::as_const(targets)) {
        painter.setPen(palette().color(QPalette::Text));
        if (drawLabel(painter, QRectF(x + 14, y, metrics.horizontalAdvance(target) + 1, 14),
                      Qt::AlignLeft | Qt::AlignVCenter, target)) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(palette().color(QPalette::Text));
            drawMarker(painter, target, QPointF(x + 5, y + 7));
        }
        x += 24 + metrics.horizontalAdvance(target);
    }
}

void LatencyChart::updateDescription()
{
    if (m_samples.isEmpty()) {
        setAccessibleDescription(tr("No samples yet."));
        return;
    }
    const MonitorSample &last = m_samples.constLast();
    QString description = last.ok ? tr("%1 samples; last %2 ms from server %3")
                                        .arg(m_samples.size())
                                        .arg(last.latencyMs, 0, 'f', 1)
                                        .arg(last.serverId)
                                  : tr("%1 samples; last probe got no answer").arg(m_samples.size());
    if (!m_lags.isEmpty())
        description += tr("; replication lag %1 ms").arg(m_lags.points().constLast().lagMs, 0, 'f', 1);
    setAccessibleDescription(description);
}
