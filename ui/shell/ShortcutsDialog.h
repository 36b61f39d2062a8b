// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QAction;
class QTreeWidget;

// Help ▸ Keyboard Shortcuts: every action of a window that has a shortcut, with its keys, read from
// the live QActions (so the list cannot drift from what the keys do). Actions of views that are not
// on screen are listed too, with where they work ("Monitor", "Connection"). Non-modal; show() it.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString action; // "Test connection", without mnemonic ampersands
        QString keys;   // "Ctrl+T" in the platform's notation
        QString where;  // the view the action belongs to, or "Everywhere"
    };

    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    // Every QAction under `window` with a shortcut, sorted by where then by name; duplicates once.
    static QList<Entry> collect(QWidget *window);
    QList<Entry> entries() const { return m_entries; }

private:
    QList<Entry> m_entries;
    QTreeWidget *m_list;
};
