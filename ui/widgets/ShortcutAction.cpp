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
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
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
