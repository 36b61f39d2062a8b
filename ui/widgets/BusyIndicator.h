// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QWidget>

// A small spinning wheel painted with QPainter, shown while API requests are in
// flight. It animates only while running and visible, and hides itself when
// stopped so an idle window repaints nothing.
class BusyIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    void setRunning(bool running);
    bool isRunning() const { return m_running; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QTimer m_timer;
    int m_step = 0;
    bool m_running = false;
};
