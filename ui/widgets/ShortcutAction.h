// SPDX-License-Identifier: MIT
#pragma once

#include <QKeySequence>
#include <QString>

class QAction;
class QObject;

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
