// SPDX-License-Identifier: MIT
// Desktop polish of the main window: Help ▸ Keyboard Shortcuts lists every action that has a shortcut
// (and F1 opens it), the About dialog names the version and licenses, the window layout survives a
// restart through QSettings, the icons render sharp at 2x, and the dark palette follows the desktop.
#include "AppInfo.h"
#include "shell/AboutDialog.h"
#include "shell/DesktopColorScheme.h"
#include "shell/HelpMenu.h"
#include "shell/MainWindow.h"
#include "shell/ShortcutsDialog.h"
#include "shell/WindowLayout.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTreeWidget>
#include <QWidgetAction>
#include <QtTest>

class TestDesktopPolish : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shortcutsListListsEveryActionWithAShortcut();
    void aboutNamesVersionAndLicenses();
    void controlsHaveAccessibleNames();
    void layoutRoundTripsThroughSettings();
    void iconsRenderAtHighDpi_data();
    void iconsRenderAtHighDpi();
    void colorScheme_data();
    void colorScheme();

private:
    QNetworkAccessManager m_network;
};

void TestDesktopPolish::shortcutsListListsEveryActionWithAShortcut()
{
    MainWindow window(&m_network);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_F1);
    auto *dialog = window.findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcutsList"));
    QStringList shown;
    for (int row = 0; row < list->topLevelItemCount(); ++row)
        shown << list->topLevelItem(row)->text(0) + QLatin1Char('|') + list->topLevelItem(row)->text(1);

    int withShortcut = 0;
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty())
            continue;
        ++withShortcut;
        const QString entry = action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")) +
                              QLatin1Char('|') + action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(shown.contains(entry), qPrintable(entry));
    }
    // Every action a user can trigger has keys: menus' own entries, separators, embedded widgets (the
    // sandbox badge) and the toolbar's show/hide toggle (the toolbar cannot be hidden) are not actions
    // in that sense.
    QStringList withoutKeys;
    for (QAction *action : actions) {
        const auto *toolBar = qobject_cast<QToolBar *>(action->parent());
        if (action->menu() || action->isSeparator() || qobject_cast<QWidgetAction *>(action) ||
            action->text().isEmpty() || (toolBar && toolBar->toggleViewAction() == action))
            continue;
        if (action->shortcut().isEmpty())
            withoutKeys << action->objectName() + QLatin1Char(' ') + action->text();
    }
    QVERIFY2(withoutKeys.isEmpty(), qPrintable(withoutKeys.join(QStringLiteral(", "))));
    // The window's own, the views' and the Help menu's: far more than a handful.
    QVERIFY2(withShortcut >= 12, qPrintable(QString::number(withShortcut)));
    for (const char *expected :
         {"Test connection|Ctrl+T", "Start monitor|Ctrl+M", "Run failover drill|Ctrl+Shift+D",
          "Keyboard Shortcuts|F1", "Show failover monitor|Ctrl+3"})
        QVERIFY2(shown.contains(QString::fromUtf8(expected)), expected);
    // Where each works: view-scoped actions name their view.
    const QList<ShortcutsDialog::Entry> entries = dialog->entries();
    const auto test = std::find_if(entries.cbegin(), entries.cend(), [](const auto &e) {
        return e.action == QLatin1String("Test connection");
    });
    QCOMPARE(test->where, QStringLiteral("Connection"));

    // No two actions answer the same keys where both work: Qt would call that ambiguous and do nothing.
    for (qsizetype i = 0; i < entries.size(); ++i) {
        for (qsizetype j = i + 1; j < entries.size(); ++j) {
            const auto &a = entries.at(i);
            const auto &b = entries.at(j);
            const bool overlap = a.where == b.where || a.where == QLatin1String("Everywhere") ||
                                 b.where == QLatin1String("Everywhere");
            QVERIFY2(a.keys != b.keys || !overlap,
                     qPrintable(QStringLiteral("%1 and %2 both use %3").arg(a.action, b.action, a.keys)));
        }
    }

    // Ctrl+3 switches to the monitor, whose keys then work.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(window.findChild<QWidget *>(QStringLiteral("monitorView"))->isVisible());
}

void TestDesktopPolish::aboutNamesVersionAndLicenses()
{
    MainWindow window(&m_network);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_F1, Qt::ControlModifier);
    auto *about = window.findChild<AboutDialog *>(QStringLiteral("aboutDialog"));
    QVERIFY(about);
    QTRY_VERIFY(about->isVisible());
    const QString text = about->findChild<QLabel *>(QStringLiteral("aboutText"))->text();
    QVERIFY(text.contains(AppInfo::version()));
    QVERIFY(text.contains(QStringLiteral("License: MIT")));
    QVERIFY(text.contains(QStringLiteral("LGPL")));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
}

void TestDesktopPolish::controlsHaveAccessibleNames()
{
    MainWindow window(&m_network);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList unnamed;
    int controls = 0;
    for (const char *view : {"connectionTab", "monitorView"}) {
        auto *root = window.findChild<QWidget *>(QString::fromLatin1(view));
        QVERIFY(root);
        QVERIFY(!root->accessibleName().isEmpty());
        const QList<QWidget *> widgets = root->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisibleTo(root)) // hidden controls are not offered to assistive technology
                continue;
            // Parts of a compound control (a line edit's clear button, a spin box's editor) share its name.
            QWidget *parent = w->parentWidget();
            if (qobject_cast<QLineEdit *>(parent) || qobject_cast<QAbstractSpinBox *>(parent) ||
                qobject_cast<QComboBox *>(parent) || qobject_cast<QAbstractItemView *>(parent) ||
                qobject_cast<QAbstractItemView *>(parent ? parent->parentWidget() : nullptr))
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(w);
            const bool control = button || qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) ||
                                 qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QAbstractItemView *>(w);
            controls += control ? 1 : 0;
            // A button's own text is its name for screen readers.
            if (control && w->accessibleName().isEmpty() && !(button && !button->text().isEmpty()))
                unnamed << QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ') +
                               w->objectName();
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    QVERIFY2(controls >= 8,
             qPrintable(QString::number(controls))); // URL fields, buttons, spin box, combo box
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("latencyChart"))->accessibleName().isEmpty());
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("probeWaterfall"))->accessibleName().isEmpty());
}

void TestDesktopPolish::layoutRoundTripsThroughSettings()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    QList<int> splitterSizes;
    {
        MainWindow window(&m_network);
        QVERIFY(!WindowLayout::restore(&window, settings)); // nothing stored yet
        window.resize(1111, 777);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        splitter->setSizes({300, 700});
        splitterSizes = splitter->sizes();
        WindowLayout::save(window, settings);
    }
    settings.sync();
    QSettings reread(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
    MainWindow window(&m_network);
    QVERIFY(WindowLayout::restore(&window, reread));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1111, 777));
    QCOMPARE(window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), splitterSizes);
    QVERIFY(reread.contains(QStringLiteral("mainWindow/splitters/monitorSplitter")));
}

void TestDesktopPolish::iconsRenderAtHighDpi_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         {"probe", "monitor-start", "monitor-stop", "export", "drill", "keyboard", "about", "reveal"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestDesktopPolish::iconsRenderAtHighDpi()
{
    QFETCH(QString, name);
    MainWindow window(&m_network); // registers the resources
    const QIcon icon(QStringLiteral(":/icons/%1.svg").arg(name));
    QVERIFY(!icon.isNull());
    // Rendered from the SVG at 2x: a 32x32 pixmap for a 16x16 icon, not an upscaled 16x16 one.
    const QPixmap pixmap = icon.pixmap(QSize(16, 16), 2.0);
    QCOMPARE(pixmap.size(), QSize(32, 32));
    QCOMPARE(pixmap.devicePixelRatio(), 2.0);
    const QImage image = pixmap.toImage();
    int painted = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    QVERIFY2(painted > 40, qPrintable(QString::number(painted)));
}

void TestDesktopPolish::colorScheme_data()
{
    QTest::addColumn<QString>("forced");
    QTest::addColumn<QString>("gtkTheme");
    QTest::addColumn<QString>("kdeglobals");
    QTest::addColumn<QString>("gtkSettings");
    QTest::addColumn<bool>("darkPalette");
    QTest::addColumn<bool>("expectDark");
    QTest::newRow("nothing says dark") << ""
                                       << ""
                                       << ""
                                       << "" << false << false;
    QTest::newRow("platform palette is dark") << ""
                                              << ""
                                              << ""
                                              << "" << true << true;
    QTest::newRow("forced dark") << "dark"
                                 << ""
                                 << ""
                                 << "" << false << true;
    QTest::newRow("forced light beats a dark palette") << "light"
                                                       << ""
                                                       << ""
                                                       << "" << true << false;
    QTest::newRow("GTK_THEME variant") << ""
                                       << "Adwaita:dark"
                                       << ""
                                       << "" << false << true;
    QTest::newRow("GTK_THEME light") << ""
                                     << "Adwaita"
                                     << ""
                                     << "" << false << false;
    QTest::newRow("KDE Breeze Dark") << ""
                                     << ""
                                     << "[Colors:Window]\nBackgroundNormal=32,35,38\n"
                                     << "" << false << true;
    QTest::newRow("KDE Breeze") << ""
                                << ""
                                << "[Colors:Window]\nBackgroundNormal=239,240,241\n"
                                << "[Settings]\ngtk-application-prefer-dark-theme=1\n"
                                << false << false;
    QTest::newRow("GTK prefers dark") << ""
                                      << ""
                                      << ""
                                      << "[Settings]\ngtk-application-prefer-dark-theme=1\n"
                                      << false << true;
    QTest::newRow("GTK dark theme name") << ""
                                         << ""
                                         << ""
                                         << "[Settings]\ngtk-theme-name=Arc-Dark\n"
                                         << false << true;
}

void TestDesktopPolish::colorScheme()
{
    QFETCH(QString, forced);
    QFETCH(QString, gtkTheme);
    QFETCH(QString, kdeglobals);
    QFETCH(QString, gtkSettings);
    QFETCH(bool, darkPalette);
    QFETCH(bool, expectDark);
    QTemporaryDir config;
    if (!kdeglobals.isEmpty()) {
        QFile file(config.filePath(QStringLiteral("kdeglobals")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kdeglobals.toUtf8());
    }
    if (!gtkSettings.isEmpty()) {
        QVERIFY(QDir(config.path()).mkpath(QStringLiteral("gtk-3.0")));
        QFile file(config.filePath(QStringLiteral("gtk-3.0/settings.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(gtkSettings.toUtf8());
    }
    QProcessEnvironment environment;
    if (!forced.isEmpty())
        environment.insert(QStringLiteral("CLEARDB_CONSOLE_COLOR_SCHEME"), forced);
    if (!gtkTheme.isEmpty())
        environment.insert(QStringLiteral("GTK_THEME"), gtkTheme);
    QPalette palette(Qt::white);
    palette.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    const QPalette used = darkPalette ? DesktopColorScheme::darkPalette() : palette;
    const auto scheme = DesktopColorScheme::detect(used, environment, config.path());
    QCOMPARE(scheme == DesktopColorScheme::Scheme::Dark, expectDark);
    // The dark palette keeps text readable: light text on a dark window and base.
    const QPalette dark = DesktopColorScheme::darkPalette();
    QVERIFY(DesktopColorScheme::isDark(dark.color(QPalette::Window)));
    QVERIFY(DesktopColorScheme::isDark(dark.color(QPalette::Base)));
    QVERIFY(!DesktopColorScheme::isDark(dark.color(QPalette::WindowText)));
}

QTEST_MAIN(TestDesktopPolish)
#include "tst_desktoppolish.moc"
