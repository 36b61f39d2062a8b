// SPDX-License-Identifier: MIT
#pragma once

#include <QMenu>
#include <QPointer>

class AboutDialog;
class ShortcutsDialog;

// The window's Help menu: Keyboard Shortcuts (F1) and About (Ctrl+F1). Both open non-modal dialogs
// (no nested event loop) that are reused while open. The shortcuts list is collected from the window
// when it opens, so it shows every action that exists at that moment.
//
//     menuBar()->addMenu(new HelpMenu(this));
class HelpMenu : public QMenu
{
    Q_OBJECT
public:
    explicit HelpMenu(QWidget *window);

    ShortcutsDialog *showShortcuts();
    AboutDialog *showAbout();

private:
    QWidget *m_window;
    QPointer<ShortcutsDialog> m_shortcuts;
    QPointer<AboutDialog> m_about;
};
