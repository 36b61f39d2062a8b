// SPDX-License-Identifier: MIT
#include "connection/ProbeWaterfall.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace {
constexpr int kRowHeight = 24;
constexpr int kMargin = 8;
constexpr int kLabelWidth = 130;
constexpr int kValueWidth = 80;

// Every stage the probe can run, in the order a client goes through them: rows keep their place
// whether or not the stage ran, so two waterfalls read the same way.
constexpr ProbeStage kRows[] = {ProbeStage::Dns, ProbeStage::Tcp,  ProbeStage::Greeting,
                                ProbeStage::Tls, ProbeStage::Auth, ProbeStage::Query};

QString formatMs(double ms)
{
    return ms < 10 ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 2) : QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
}
} // namespace

ProbeWaterfall::ProbeWaterfall(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("probeWaterfall"));
    setAccessibleName(tr("Connection stage timings"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    updateDescription();
}

QString ProbeWaterfall::stageTitle(ProbeStage stage)
{
    switch (stage) {
    case ProbeStage::Dns:
        return tr("DNS");
    case ProbeStage::Tcp:
        return tr("TCP connect");
    case ProbeStage::Greeting:
        return tr("Server greeting");
    case ProbeStage::Tls:
        return tr("TLS");
    case ProbeStage::Auth:
        return tr("Login");
    case ProbeStage::Query:
        return tr("First query");
    case ProbeStage::None:
        break;
    }
    return QString();
}

void ProbeWaterfall::clear()
{
    m_stages.clear();
    m_totalMs = 0;
    updateDescription();
    update();
}

void ProbeWaterfall::addStage(const StageTiming &timing)
{
    m_stages.append(timing);
    m_totalMs += timing.ms;
    updateDescription();
    update();
}

void ProbeWaterfall::setResult(const ProbeResult &result)
{
    m_stages = result.stages;
    // Bars are laid end to end, so the scale is their sum (the total also holds the event loop's
    // turns between stages, which would leave an unexplained gap).
    m_totalMs = 0;
    for (const StageTiming &timing : std::as_const(m_stages))
        m_totalMs += timing.ms;
    updateDescription();
    update();
}

QSize ProbeWaterfall::sizeHint() const
{
    return {480, int(std::size(kRows)) * kRowHeight + 2 * kMargin};
}

QSize ProbeWaterfall::minimumSizeHint() const
{
    return {kLabelWidth + kValueWidth + 120, sizeHint().height()};
}

void ProbeWaterfall::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QRect area = rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const int barLeft = area.left() + kLabelWidth;
    const int barWidth = std::max(20, area.width() - kLabelWidth - kValueWidth);
    const double scale = m_totalMs > 0 ? barWidth / m_totalMs : 0;

    double offset = 0;
    int row = 0;
    for (ProbeStage stage : kRows) {
        const int top = area.top() + row * kRowHeight;
        const QRect labelRect(area.left(), top, kLabelWidth - 6, kRowHeight);
        const QRect valueRect(barLeft + barWidth + 6, top, kValueWidth - 6, kRowHeight);
        // Alternate row shading keeps a bar readable against its label on wide windows.
        if (row % 2 == 1)
            painter.fillRect(QRect(area.left(), top, area.width(), kRowHeight),
                             pal.color(QPalette::AlternateBase));
        ++row;

        const auto it = std::find_if(m_stages.cbegin(), m_stages.cend(),
                                     [stage](const StageTiming &t) { return t.stage == stage; });
        const bool ran = it != m_stages.cend();
        painter.setPen(pal.color(ran ? QPalette::Active : QPalette::Disabled, QPalette::WindowText));
        painter.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft, stageTitle(stage));
        if (!ran) {
            painter.drawText(valueRect, Qt::AlignVCenter | Qt::AlignLeft, tr("—"));
            continue;
        }
        const QRectF bar(barLeft + offset * scale, top + 5, std::max(2.0, it->ms * scale), kRowHeight - 10);
        offset += it->ms;
        const QColor color = it->ok ? pal.color(QPalette::Highlight) : QColor(0xda, 0x44, 0x53);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(bar, 3, 3);
        painter.setPen(it->ok ? pal.color(QPalette::WindowText) : color);
        const QString value = it->ok ? formatMs(it->ms) : tr("failed");
        painter.drawText(valueRect, Qt::AlignVCenter | Qt::AlignLeft, value);
    }
}

void ProbeWaterfall::updateDescription()
{
    if (m_stages.isEmpty()) {
        setAccessibleDescription(tr("No probe has run yet."));
        return;
    }
    QStringList parts;
    for (const StageTiming &timing : std::as_const(m_stages))
        parts << (timing.ok ? tr("%1 %2").arg(stageTitle(timing.stage), formatMs(timing.ms))
                            : tr("%1 failed after %2").arg(stageTitle(timing.stage), formatMs(timing.ms)));
    setAccessibleDescription(parts.join(QStringLiteral(", ")));
}
