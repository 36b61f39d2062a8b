// SPDX-License-Identifier: MIT
#include "shell/HelpMenu.h"

#include "shell/AboutDialog.h"
#include "shell/ShortcutsDialog.h"

#include <QAction>

HelpMenu::HelpMenu(QWidget *window) : QMenu(tr("&Help"), window), m_window(window)
{
    setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = addAction(QIcon(QStringLiteral(":/icons/keyboard.svg")), tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &HelpMenu::showShortcuts);
    QAction *about = addAction(QIcon(QStringLiteral(":/icons/about.svg")), tr("&About ClearDB Console"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F1));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &HelpMenu::showAbout);
    // Menu actions fire only while the menu bar is visible; adding them to the window keeps the keys
    // working when a platform hides the bar.
    window->addActions({shortcuts, about});
}

ShortcutsDialog *HelpMenu::showShortcuts()
{
    // Rebuilt each time: views add actions as they appear.
    delete m_shortcuts;
    m_shortcuts = new ShortcutsDialog(m_window, m_window);
    m_shortcuts->setAttribute(Qt::WA_DeleteOnClose);
    m_shortcuts->show();
    return m_shortcuts;
}

AboutDialog *HelpMenu::showAbout()
{
    if (!m_about) {
        m_about = new AboutDialog(m_window);
        m_about->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_about->show();
    m_about->raise();
    return m_about;
}
