// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/HeldUrlVars.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;

// The part of Remove ClearDB that deals with config vars still holding the database's URL
// (HeldUrlVars): one plain warning line naming them, and a choice of what to do with them — unset
// them, point them at another database URL the app has, or keep them as they are. Var names only
// are shown, never values: a URL carries its password.
//
//     choice->setVars(vars, clearDbUrl, addon.configVars);   // hidden when nothing holds the URL
//     client->updateConfigVars(app, choice->changes());      // {} when there is nothing to send
//
// Widgets: heldUrlWarning, heldUrlChoice.
class HeldUrlChoice : public QWidget
{
    Q_OBJECT
public:
    explicit HeldUrlChoice(QWidget *parent = nullptr);

    void setVars(const QJsonObject &vars, const DatabaseUrl &url, const QStringList &ownVars);
    QStringList holders() const { return m_held.holders; }
    // The PATCH body for the chosen action; empty for "keep" or when nothing holds the URL.
    QJsonObject changes() const;
    // One sentence saying what was done, for the message after the removal.
    QString report() const;

private:
    QLabel *m_warning;
    QComboBox *m_choice;
    HeldUrlVars m_held;
    QJsonObject m_vars;
};
