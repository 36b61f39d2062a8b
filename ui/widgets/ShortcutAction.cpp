// SPDX-License-Identifier: MIT
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QIcon>

QAction *makeShortcutAction(const ShortcutActionSpec &spec, QObject *parent)
{
    auto *action = spec.icon.isEmpty() ? new QAction(spec.text, parent)
                                       : new QAction(QIcon(spec.icon), spec.text, parent);
    action->setObjectName(spec.objectName);
    action->setShortcut(spec.shortcut);
    const QString tip = spec.tip.isEmpty() ? spec.text : spec.tip;
    action->setToolTip(spec.shortcut.isEmpty() ? tip
                                               : QStringLiteral("%1 (%2)").arg(
                                                     tip, spec.shortcut.toString(QKeySequence::NativeText)));
    return action;
}
