// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeResult.h"

#include <QList>
#include <QWidget>

// A waterfall of one connection probe: a row per stage (DNS, TCP, greeting, TLS, login, first query),
// each bar starting where the previous stage ended, so where the time goes — and at which stage a
// connection broke — is visible at a glance. Bars are drawn with QPainter in palette colours; a failed
// stage is red and labelled "failed". Stages can be added as the probe reports them
// (addStage) or all at once (setResult).
//
//     waterfall->clear();
//     connect(probe, &ConnectionProbe::stageFinished, waterfall, &ProbeWaterfall::addStage);
//
// It only draws; it never runs a probe. Its accessible description reads the timings as text.
class ProbeWaterfall : public QWidget
{
    Q_OBJECT
public:
    explicit ProbeWaterfall(QWidget *parent = nullptr);

    void clear();
    void addStage(const StageTiming &timing);
    void setResult(const ProbeResult &result);
    QList<StageTiming> stages() const { return m_stages; }
    // "DNS", "TCP connect", "Server greeting", "TLS", "Login", "First query".
    static QString stageTitle(ProbeStage stage);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateDescription();

    QList<StageTiming> m_stages;
    double m_totalMs = 0;
};
