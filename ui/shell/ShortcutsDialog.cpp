// SPDX-License-Identifier: MIT
#include "shell/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// The view an action works in: the nearest widget up its parent chain with an accessible name
// (tabs and views set one). A widget-scoped action works in that widget; a window-wide one works
// everywhere, unless its view is a page of a tab or stack widget: Qt fires it only while that page
// is on screen.
QString whereOf(const QAction *action)
{
    if (action->shortcutContext() == Qt::ApplicationShortcut)
        return ShortcutsDialog::tr("Everywhere");
    for (QObject *o = action->parent(); o; o = o->parent()) {
        const auto *widget = qobject_cast<QWidget *>(o);
        if (!widget || widget->accessibleName().isEmpty())
            continue;
        const bool page = qobject_cast<const QStackedWidget *>(widget->parentWidget()) != nullptr;
        if (action->shortcutContext() != Qt::WindowShortcut || page)
            return widget->accessibleName();
        break;
    }
    return ShortcutsDialog::tr("Everywhere");
}
} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent), m_entries(collect(window)), m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setObjectName(QStringLiteral("shortcutsList"));
    m_list->setAccessibleName(tr("Keyboard shortcuts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Action"), tr("Keys"), tr("Works in")});
    for (const Entry &entry : std::as_const(m_entries))
        new QTreeWidgetItem(m_list, {entry.action, entry.keys, entry.where});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *hint = new QLabel(tr("Buttons and menu items show their shortcut in their tooltip too."), this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(560, 420);
}

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(QWidget *window)
{
    QList<Entry> entries;
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        Entry entry;
        entry.action = action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        entry.keys = action->shortcut().toString(QKeySequence::NativeText);
        entry.where = whereOf(action);
        const bool seen = std::any_of(entries.cbegin(), entries.cend(), [&](const Entry &e) {
            return e.action == entry.action && e.keys == entry.keys && e.where == entry.where;
        });
        if (!seen)
            entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.where != b.where ? a.where < b.where : a.action.localeAwareCompare(b.action) < 0;
    });
    return entries;
}
