// SPDX-License-Identifier: MIT
// Remove ClearDB from the window: the typed confirmation, and a delete whose answer was lost.
#include "AddonTestWindow.h"
#include "SimRequestLog.h"
#include "UiTestHelpers.h"
#include "addons/RemoveAddonDialog.h"
#include "dburl/DatabaseUrl.h"

#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>
#include <QtTest>

using namespace AddonTestWindow;
using UiTest::openedDialog;

namespace {
// sandbox-app-0001 has one ClearDB (ignite).
const QString IgniteApp = SimProcess::appName(0);
} // namespace

class TestRemoveAddon : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void removeNeedsTheExactAppName();
    void removeWithLostAnswerNeverClaimsFailure();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestRemoveAddon::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestRemoveAddon::removeNeedsTheExactAppName()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    const QString addon = child<QTreeView>(&window, "addonTable")->model()->index(0, 0).data().toString();
    const DatabaseUrl real =
        DatabaseUrl::parse(configVar(m_sim, IgniteApp, QStringLiteral("CLEARDB_DATABASE_URL"))).url;

    // Nothing selected: the app's only ClearDB add-on is the target, and it gets selected so the
    // export command can be built from its URL.
    QVERIFY(!child<QTreeView>(&window, "addonTable")->currentIndex().isValid());
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QPointer<RemoveAddonDialog> dialog = openedDialog<RemoveAddonDialog>(&window);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLineEdit>(dialog, "exportCommand")
                                 ->text()
                                 .startsWith(QStringLiteral("mysqldump -h %1").arg(real.host())),
                             10000);
    QCOMPARE(child<QTreeView>(&window, "addonTable")->currentIndex().data().toString(), addon);
    SimRequestLog log(m_sim);
    const QString loss = child<QLabel>(dialog, "removeLossText")->text();
    QVERIFY2(loss.contains(real.database()) && loss.contains(QStringLiteral("cannot be undone")),
             qPrintable(loss));
    const QString command = child<QLineEdit>(dialog, "exportCommand")->text();
    QVERIFY(command.contains(QStringLiteral("-u %1 -p ").arg(real.user())));
    QVERIFY(!command.contains(real.password()));

    auto *confirm = child<QLineEdit>(dialog, "confirmAppEdit");
    auto *remove = child<QPushButton>(dialog, "removeButton");
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(confirm, IgniteApp.chopped(1)); // one character short
    QVERIFY(!remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTest::keyClicks(confirm, IgniteApp.right(1).toUpper() + QStringLiteral(" "));
    QVERIFY(!remove->isEnabled());
    QTest::qWait(300);
    QCOMPARE(log.total(), 0); // a wrong name sends nothing at all

    confirm->clear();
    QTest::keyClicks(confirm, IgniteApp);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/addons/%2").arg(IgniteApp, addon)),
             1);
    QVERIFY(!addonNames(m_sim, IgniteApp).contains(addon));
    QTRY_COMPARE_WITH_TIMEOUT(addonRow(&window, addon), -1, 10000);
    QVERIFY(!child<QWidget>(&window, "clearDbAddonCard")->isVisible());
    QVERIFY(!child<QAction>(&window, "removeAction")->isEnabled());
}

void TestRemoveAddon::removeWithLostAnswerNeverClaimsFailure()
{
    // Its own sim: it deletes the add-on, then drops the connection without an answer.
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log"),
                       QStringLiteral("--faults"), QStringLiteral("DELETE /apps/*/addons/*=drop*1")}));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, sim, IgniteApp));
    const QString addon = child<QTreeView>(&window, "addonTable")->model()->index(0, 0).data().toString();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QPointer<RemoveAddonDialog> dialog = openedDialog<RemoveAddonDialog>(&window);
    QVERIFY(dialog);
    SimRequestLog log(sim);
    QTest::keyClicks(child<QLineEdit>(dialog, "confirmAppEdit"), IgniteApp);
    auto *remove = child<QPushButton>(dialog, "removeButton");
    QTest::mouseClick(remove, Qt::LeftButton);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QTest::qWait(300); // a resend behind the user's back would show up by now
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QVERIFY(!addonNames(sim, IgniteApp).contains(addon)); // premise: the delete did happen
    QVERIFY2(error->text().contains(QStringLiteral("may or may not have been removed")),
             qPrintable(error->text()));

    // The user tries again: the add-on is gone (404), which is what they asked for.
    QTRY_VERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 2); // one per click
    QTRY_COMPARE_WITH_TIMEOUT(addonRow(&window, addon), -1, 10000);
}

QTEST_MAIN(TestRemoveAddon)
#include "tst_removeaddon.moc"
