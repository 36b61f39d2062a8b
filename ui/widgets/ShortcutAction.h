// SPDX-License-Identifier: MIT
#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QObject;
class QWidget;

// What a window action is: tests find it by objectName, people by its text, and the tooltip names
// the shortcut so the keys are discoverable by hovering.
struct ShortcutActionSpec
{
    QString objectName;
    QString text;
    QString tip; // the tooltip's words; the shortcut is appended
    QKeySequence shortcut;
    QString icon; // a resource path, or empty
};

// The one way the console makes its actions, so every action's tooltip reads "tip (Ctrl+Shift+V)".
QAction *makeShortcutAction(const ShortcutActionSpec &spec, QObject *parent);
// Like makeShortcutAction, for a view's own keys: the action is added to `view` and its shortcut works
// from anywhere in the window while the view is shown (the same keys may mean something else in
// another view, which is then hidden).
QAction *makeViewShortcutAction(const ShortcutActionSpec &spec, QWidget *view);
// "tip (Ctrl+Shift+V)", or `tip` alone without a shortcut; mnemonic '&'s are dropped. For buttons that
// advertise their keys the way actions do.
QString shortcutTip(const QString &tip, const QKeySequence &shortcut);
