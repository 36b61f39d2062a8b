// SPDX-License-Identifier: MIT
#pragma once

#include <QGroupBox>

class QLabel;

// A titled box of "Name: value" rows, the shape of the connection tab's read-only cards (the server
// reached, the TLS certificate). Values are plain, selectable text, each label named for tests and
// for screen readers by its row's title.
class FactsCard : public QGroupBox
{
    Q_OBJECT
public:
    FactsCard(const QString &title, const QString &objectName, QWidget *parent = nullptr);

protected:
    enum class Wrap
    {
        No,
        Yes, // long values (certificate names, error lists) wrap instead of widening the window
    };
    QLabel *addRow(const QString &objectName, const QString &title, Wrap wrap = Wrap::No);
};
