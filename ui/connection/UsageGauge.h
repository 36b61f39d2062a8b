// SPDX-License-Identifier: MIT
#pragma once

#include "usage/UsageRules.h"

#include <QWidget>

class QLabel;
class QProgressBar;

// One limit at a glance: a title, a bar filled to the percentage used (full when over) in the
// level's colour (the palette's highlight when fine, amber from the warning, red at the alert) and
// the figures in words beside it ("4.3 MB of 5.0 MB (86 %)"). The words carry the meaning; the
// colour only repeats it, so the gauge also reads in a screen reader and in grey.
class UsageGauge : public QWidget
{
    Q_OBJECT
public:
    UsageGauge(const QString &title, const QString &objectName, QWidget *parent = nullptr);

    // `percent` below 0: no limit to weigh against (the bar stays empty and says so).
    void setFigures(const QString &text, int percent, UsageFinding::Level level);
    void clear();
    QString text() const;
    UsageFinding::Level level() const { return m_level; }

private:
    QLabel *m_title;
    QProgressBar *m_bar;
    QLabel *m_text;
    UsageFinding::Level m_level = UsageFinding::Level::Fine;
};
