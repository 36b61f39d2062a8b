// SPDX-License-Identifier: MIT
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QIcon>
#include <QWidget>

QAction *makeShortcutAction(const ShortcutActionSpec &spec, QObject *parent)
{
    auto *action = spec.icon.isEmpty() ? new QAction(spec.text, parent)
                                       : new QAction(QIcon(spec.icon), spec.text, parent);
    action->setObjectName(spec.objectName);
    action->setShortcut(spec.shortcut);
    action->setToolTip(shortcutTip(spec.tip.isEmpty() ? spec.text : spec.tip, spec.shortcut));
    return action;
}

QAction *makeViewShortcutAction(const ShortcutActionSpec &spec, QWidget *view)
{
    QAction *action = makeShortcutAction(spec, view);
    // Wherever the focus is in the window, but only while the view is on screen: Qt never fires the
    // shortcut of a hidden widget, and the same keys may mean something else in another view.
    action->setShortcutContext(Qt::WindowShortcut);
    view->addAction(action);
    return action;
}

QString shortcutTip(const QString &tip, const QKeySequence &shortcut)
{
    const QString words = QString(tip).remove(QLatin1Char('&'));
    return shortcut.isEmpty()
               ? words
               : QStringLiteral("%1 (%2)").arg(words, shortcut.toString(QKeySequence::NativeText));
}
