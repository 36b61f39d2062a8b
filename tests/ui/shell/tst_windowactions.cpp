// SPDX-License-Identifier: MIT
// The main window's actions against the real heroku-sim, driven from the keyboard with the focus
// somewhere else than the view an action belongs to: the keys a hint or a menu advertises work
// window-wide while their view is on screen, Restart is reachable from the window and sends one
// DELETE, and the activity log has its View menu entry.
#include "AddonTestWindow.h"
#include "SimRequestLog.h"
#include "UiTestHelpers.h"
#include "activity/ActivityLogDock.h"
#include "widgets/ConfirmationDialog.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTabWidget>
#include <QtTest>

using namespace AddonTestWindow;

namespace {
const QString IgniteApp = SimProcess::appName(0); // the seeded ClearDB app

// Puts the keyboard focus in the app list, away from the tabs' views, in an active window.
bool focusAppList(MainWindow &window)
{
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return false;
    auto *apps = child<QWidget>(&window, "appTable");
    apps->setFocus();
    return QTest::qWaitFor([apps] { return QApplication::focusWidget() == apps; }, 2000);
}

QMenu *menuNamed(MainWindow &window, const char *name)
{
    const QList<QAction *> entries = window.menuBar()->actions();
    for (QAction *entry : entries) {
        if (entry->menu() && entry->menu()->objectName() == QLatin1String(name))
            return entry->menu();
    }
    return nullptr;
}
} // namespace

class TestWindowActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void viewShortcutsWorkWithFocusElsewhere();
    void restartFromTheWindowSendsOneDelete();
    void activityLogHasAViewMenuEntry();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestWindowActions::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestWindowActions::viewShortcutsWorkWithFocusElsewhere()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    auto *tabs = child<QTabWidget>(&window, "databaseTabs");

    // Ctrl+T, which the Connection tab's hint advertises, while the app list has the focus.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QTRY_VERIFY(child<QWidget>(&window, "connectionTab")->isVisible());
    QVERIFY(focusAppList(window));
    QSignalSpy tested(child<QAction>(&window, "testConnectionAction"), &QAction::triggered);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tested.size(), 1);

    // The monitor's keys, advertised in its Export menu and button tooltips, the same way.
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(child<QWidget>(&window, "monitorView")->isVisible());
    QVERIFY(focusAppList(window));
    QSignalSpy exported(child<QAction>(&window, "exportJsonAction"), &QAction::triggered);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(exported.size(), 1);
    auto *save = UiTest::openedDialog<QFileDialog>(&window);
    QVERIFY(save);
    save->reject();

    // Still scoped to the view on screen: on the Details tab the monitor's and the probe's keys
    // do nothing (they may mean something else there one day).
    tabs->setCurrentIndex(0);
    QVERIFY(focusAppList(window));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(tested.size(), 1);
}

void TestWindowActions::restartFromTheWindowSendsOneDelete()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    auto *restart = window.findChild<QAction *>(QStringLiteral("restartDynosAction"));
    QVERIFY2(restart, "the main window has no Restart action");
    QVERIFY(restart->isEnabled());
    QMenu *appMenu = menuNamed(window, "appMenu");
    QVERIFY2(appMenu && appMenu->actions().contains(restart), "Restart is not in the App menu");

    QVERIFY(focusAppList(window));
    SimRequestLog log(m_sim);
    QTest::keySequence(QApplication::focusWidget(), restart->shortcut());
    QPointer<ConfirmationDialog> ask = UiTest::openedDialog<ConfirmationDialog>(&window);
    QVERIFY(ask);
    QVERIFY(child<QWidget>(ask, "confirmationText")->property("text").toString().contains(IgniteApp));
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0); // nothing before the answer
    QTest::mouseClick(child<QPushButton>(ask, "confirmButton"), Qt::LeftButton);
    auto *bar = child<MessageBar>(&window, "messageBar");
    QTRY_COMPARE_WITH_TIMEOUT(bar->text(), QStringLiteral("Restarted all dynos of %1.").arg(IgniteApp),
                              10000);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(IgniteApp)), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
}

void TestWindowActions::activityLogHasAViewMenuEntry()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    auto *dock = child<ActivityLogDock>(&window, "activityLogDock");
    QMenu *view = menuNamed(window, "viewMenu");
    QVERIFY2(view, "no View menu");
    QAction *entry = nullptr;
    for (QAction *action : view->actions()) {
        if (action == dock->toggleViewAction())
            entry = action;
    }
    QVERIFY2(entry, "the View menu has no Activity log entry");
    QVERIFY(entry->isCheckable());
    QVERIFY(!dock->isVisible());
    QVERIFY(!entry->isChecked());
    entry->trigger();
    QVERIFY(dock->isVisible());
    QVERIFY(entry->isChecked());
    entry->trigger();
    QVERIFY(!dock->isVisible());
    QVERIFY(!entry->isChecked());
}

QTEST_MAIN(TestWindowActions)
#include "tst_windowactions.moc"
