// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

// The "SANDBOX" pill in the tool bar while the console talks to its own local
// heroku-sim: striking on purpose, so that nobody takes simulated apps and
// add-ons for their production account. Painted with QPainter so it looks the
// same under every style.
class SandboxBadge : public QWidget
{
    Q_OBJECT
public:
    explicit SandboxBadge(QWidget *parent = nullptr);

    QString text() const { return m_text; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_text;
};
