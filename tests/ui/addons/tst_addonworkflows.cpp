// SPDX-License-Identifier: MIT
// Provision, change plan and remove, driven like a user in the main window against the real
// heroku-sim: what the dialogs show, and what reached the API (the sim's --log lines).
#include "AddonTestWindow.h"
#include "SimHttp.h"
#include "SimRequestLog.h"
#include "UiTestHelpers.h"
#include "addons/AddonActions.h"
#include "addons/ClearDbAddonCard.h"
#include "addons/PlanChangeDialog.h"
#include "addons/PlanListModel.h"
#include "addons/ProvisionDialog.h"
#include "dburl/DatabaseUrl.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeView>
#include <QtTest>

using namespace AddonTestWindow;
using UiTest::openedDialog;

namespace {
// sandbox-app-0003 has no add-ons; sandbox-app-0001 has one ClearDB (ignite).
const QString EmptyApp = SimProcess::appName(2);
const QString IgniteApp = SimProcess::appName(0);

void selectPlan(QComboBox *combo, const QString &plan)
{
    QTRY_VERIFY_WITH_TIMEOUT(combo->isEnabled() && combo->count() > 0, 10000);
    const int row = combo->findData(plan, PlanListModel::QualifiedNameRole);
    QVERIFY2(row >= 0, qPrintable(plan));
    combo->setCurrentIndex(row);
}
} // namespace

class TestAddonWorkflows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void provisionWaitsThenSelectsAddonWithMaskedUrl();
    void stopWaitingKeepsTheAddon();
    void escapeWhileWaitingKeepsTheAddon();
    void provisionErrorShownInline();
    void planAndPatchErrorsShownInline();
    void upgradeShowsPriceDifferenceAndSendsOnePatch();
    void downgradeWarnsAboutLimits();
    void severalClearDbAddonsAskWhichOne();

private:
    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestAddonWorkflows::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                          QStringLiteral("1200"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
}

void TestAddonWorkflows::provisionWaitsThenSelectsAddonWithMaskedUrl()
{
    MainWindow window(&m_network);
    auto *actions = window.findChild<AddonActions *>();
    actions->setPollInterval(200);
    // The window routes Promote to the promote flow; here the hook itself is watched.
    QSignalSpy promoteRequests(actions, &AddonActions::promoteRequested);
    QVERIFY(openOnApp(window, m_sim, EmptyApp));
    SimRequestLog log(m_sim);

    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_N));
    QPointer<ProvisionDialog> dialog = openedDialog<ProvisionDialog>(&window);
    QVERIFY(dialog);
    auto *combo = child<QComboBox>(dialog, "planCombo");
    QAbstractItemModelTester tester(combo->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    selectPlan(combo, QStringLiteral("cleardb:punch"));
    // Price from the plans API, limits from ClearDB's published figures.
    QVERIFY2(combo->currentText().contains(QStringLiteral("$9.99/month")), qPrintable(combo->currentText()));
    QVERIFY2(combo->currentText().contains(QStringLiteral("15 connections")),
             qPrintable(combo->currentText()));
    // A name Heroku would refuse is caught here, in one line, and nothing can be sent.
    auto *name = child<QLineEdit>(dialog, "addonNameEdit");
    QTest::keyClicks(name, QStringLiteral("9 orders"));
    QVERIFY(child<QLabel>(dialog, "dialogError")->isVisible());
    QVERIFY(child<QLabel>(dialog, "dialogError")
                ->text()
                .startsWith(QStringLiteral("An add-on name starts with")));
    QVERIFY(!child<QPushButton>(dialog, "provisionButton")->isEnabled());
    name->clear();
    QVERIFY(!child<QLabel>(dialog, "dialogError")->isVisible());
    QTest::keyClicks(name, QStringLiteral("orders-db"));
    QTest::mouseClick(child<QPushButton>(dialog, "provisionButton"), Qt::LeftButton);

    // While Heroku provisions: progress, the state in words, and a way to stop waiting.
    QVERIFY(child<QProgressBar>(dialog, "provisionProgress")->isVisible());
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("existingAddonsNote"))); // the app had none
    QVERIFY(child<QPushButton>(dialog, "stopWaitingButton")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(dialog, "provisionStatus")->text().contains(QStringLiteral("provisioning")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);

    // Afterwards: the new add-on selected, its URL masked, Promote right there.
    QTRY_VERIFY_WITH_TIMEOUT(addonRow(&window, QStringLiteral("orders-db")) >= 0, 10000);
    auto *table = child<QTreeView>(&window, "addonTable");
    QTRY_COMPARE(table->currentIndex().siblingAtColumn(0).data().toString(), QStringLiteral("orders-db"));
    QCOMPARE(table->currentIndex().siblingAtColumn(1).data().toString(), QStringLiteral("cleardb:punch"));
    auto *urlField = child<QLineEdit>(&window, "addonUrlField");
    QTRY_VERIFY_WITH_TIMEOUT(!urlField->text().isEmpty(), 10000);
    const DatabaseUrl real =
        DatabaseUrl::parse(configVar(m_sim, EmptyApp, QStringLiteral("CLEARDB_DATABASE_URL"))).url;
    QVERIFY(real.hasPassword());
    QCOMPARE(urlField->text(), real.redacted());
    QVERIFY(urlField->text().contains(DatabaseUrl::passwordMask()));
    QVERIFY(!urlField->text().contains(real.password()));
    auto *promote = child<QPushButton>(&window, "promoteButton");
    QVERIFY(promote->isVisible() && promote->isEnabled());
    QTest::mouseClick(promote, Qt::LeftButton);
    QCOMPARE(promoteRequests.size(), 1);
    QCOMPARE(promoteRequests.first(), (QVariantList{EmptyApp, QStringLiteral("CLEARDB_DATABASE_URL")}));
    QVERIFY(child<QLabel>(&window, "messageText")->text().contains(QStringLiteral("orders-db is ready")));

    // Reveal shows the password; hiding masks it again, and so does the timeout.
    QTest::mouseClick(child<QWidget>(&window, "addonUrlReveal"), Qt::LeftButton);
    QVERIFY(urlField->text().contains(real.password()));
    QTest::mouseClick(child<QWidget>(&window, "addonUrlReveal"), Qt::LeftButton);
    QCOMPARE(urlField->text(), real.redacted());
    window.findChild<ClearDbAddonCard *>()->setRevealTimeout(300);
    QTest::mouseClick(child<QWidget>(&window, "addonUrlReveal"), Qt::LeftButton);
    QVERIFY(urlField->text().contains(real.password()));
    QTRY_COMPARE_WITH_TIMEOUT(urlField->text(), real.redacted(), 3000);

    // The create went out exactly once (a second POST would bill a second database).
    QCOMPARE(log.count(QStringLiteral("POST"), QStringLiteral("/apps/%1/addons").arg(EmptyApp)), 1);
}

void TestAddonWorkflows::stopWaitingKeepsTheAddon()
{
    SimProcess slow;
    QVERIFY2(slow.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                         QStringLiteral("60000"), QStringLiteral("--log")}),
             qPrintable(slow.errorString()));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, slow, EmptyApp));
    SimRequestLog log(slow);

    child<QAction>(&window, "provisionAction")->trigger();
    QPointer<ProvisionDialog> dialog = openedDialog<ProvisionDialog>(&window);
    QVERIFY(dialog);
    selectPlan(child<QComboBox>(dialog, "planCombo"), QStringLiteral("cleardb:ignite"));
    QTest::mouseClick(child<QPushButton>(dialog, "provisionButton"), Qt::LeftButton);
    auto *status = child<QLabel>(dialog, "provisionStatus");
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("provisioning")), 5000);
    QTest::mouseClick(child<QPushButton>(dialog, "stopWaitingButton"), Qt::LeftButton);

    // The dialog says the add-on is kept; nothing was deleted and the sim still has it.
    QVERIFY(dialog);
    QVERIFY2(status->text().contains(QStringLiteral("still exists")), qPrintable(status->text()));
    QVERIFY(!child<QProgressBar>(dialog, "provisionProgress")->isVisible());
    QVERIFY(!child<QPushButton>(dialog, "provisionButton")->isEnabled());
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QCOMPARE(log.countMethod(QStringLiteral("POST")), 1);
    const QStringList names = addonNames(slow, EmptyApp);
    QCOMPARE(names.size(), 1);
    // The main window lists it (still provisioning) behind the dialog.
    QTRY_VERIFY_WITH_TIMEOUT(addonRow(&window, names.first()) >= 0, 10000);
    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(addonNames(slow, EmptyApp), names);
}

void TestAddonWorkflows::escapeWhileWaitingKeepsTheAddon()
{
    SimProcess slow;
    QVERIFY2(slow.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                         QStringLiteral("60000"), QStringLiteral("--log")}),
             qPrintable(slow.errorString()));
    MainWindow window(&m_network);
    window.findChild<AddonActions *>()->setPollInterval(100);
    QVERIFY(openOnApp(window, slow, EmptyApp));
    SimRequestLog log(slow);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_N));
    QPointer<ProvisionDialog> dialog = openedDialog<ProvisionDialog>(&window);
    QVERIFY(dialog);
    selectPlan(child<QComboBox>(dialog, "planCombo"), QStringLiteral("cleardb:ignite"));
    QTest::mouseClick(child<QPushButton>(dialog, "provisionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(dialog, "provisionStatus")->text().contains(QStringLiteral("provisioning")), 5000);

    // Escape closes the dialog; the add-on stays and the window shows it.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);
    const QStringList names = addonNames(slow, EmptyApp);
    QCOMPARE(names.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(addonRow(&window, names.first()) >= 0, 10000);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);

    // Re-opening the window (another account, a restarted sandbox) closes a waiting dialog
    // instead of leaving it polling through a client that no longer exists.
    child<QAction>(&window, "provisionAction")->trigger();
    dialog = openedDialog<ProvisionDialog>(&window);
    QVERIFY(dialog);
    selectPlan(child<QComboBox>(dialog, "planCombo"), QStringLiteral("cleardb:ignite"));
    QTest::mouseClick(child<QPushButton>(dialog, "provisionButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(dialog, "provisionStatus")->text().contains(QStringLiteral("provisioning")), 5000);
    window.open(connectionTo(slow));
    QTRY_VERIFY(!dialog);
    QTest::qWait(300); // past a poll interval: nothing may fire through the old client
    QCOMPARE(addonNames(slow, EmptyApp).size(), 2);
}

void TestAddonWorkflows::provisionErrorShownInline()
{
    SimProcess faulty;
    QVERIFY2(faulty.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log"),
                           QStringLiteral("--faults"), QStringLiteral("POST /apps/*/addons=500")}),
             qPrintable(faulty.errorString()));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, faulty, EmptyApp));

    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_N));
    QPointer<ProvisionDialog> dialog = openedDialog<ProvisionDialog>(&window);
    QVERIFY(dialog);
    selectPlan(child<QComboBox>(dialog, "planCombo"), QStringLiteral("cleardb:ignite"));
    QTest::mouseClick(child<QPushButton>(dialog, "provisionButton"), Qt::LeftButton);
    auto *error = child<QLabel>(dialog, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    // One line in plain words with the Request-Id support asks for.
    QVERIFY2(error->text().contains(QRegularExpression(QStringLiteral("request [0-9a-f-]{36}"))),
             qPrintable(error->text()));
    QVERIFY(!error->text().contains(faulty.token()));
    // Still open, inputs back, nothing created; no second window stacked on top.
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(child<QPushButton>(dialog, "provisionButton")->isEnabled());
    QVERIFY(addonNames(faulty, EmptyApp).isEmpty());
    const QWidgetList windows = QApplication::topLevelWidgets();
    QCOMPARE(std::count_if(windows.cbegin(), windows.cend(), [](QWidget *w) { return w->isVisible(); }), 2);
}

void TestAddonWorkflows::planAndPatchErrorsShownInline()
{
    SimProcess faulty;
    QVERIFY2(faulty.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log"),
                           QStringLiteral("--faults"),
                           QStringLiteral("GET /addon-services/*/plans=500*1;PATCH /apps/*/addons/*=500")}),
             qPrintable(faulty.errorString()));
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, faulty, IgniteApp));

    // The plans API fails once: the provision dialog says so and offers nothing to send.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_N));
    QPointer<ProvisionDialog> provision = openedDialog<ProvisionDialog>(&window);
    QVERIFY(provision);
    auto *error = child<QLabel>(provision, "dialogError");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
    QVERIFY2(error->text().startsWith(QStringLiteral("Could not load the ClearDB plans: ")),
             qPrintable(error->text()));
    QVERIFY(!child<QPushButton>(provision, "provisionButton")->isEnabled());
    QVERIFY(!child<QComboBox>(provision, "planCombo")->isEnabled());
    // This app has ClearDB already: the dialog says a second one is a separate database.
    const QString existing = child<QLabel>(provision, "existingAddonsNote")->text();
    QVERIFY2(existing.contains(QStringLiteral("already has ClearDB: cleardb-")), qPrintable(existing));
    QTest::keyClick(provision, Qt::Key_Escape);
    QTRY_VERIFY(!provision);

    // The PATCH fails: the plan-change dialog stays open with the error and can try again.
    SimRequestLog log(faulty);
    window.activateWindow(); // back from the closed dialog, so window shortcuts reach it
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_U));
    QPointer<PlanChangeDialog> change = openedDialog<PlanChangeDialog>(&window);
    QVERIFY(change);
    selectPlan(child<QComboBox>(change, "newPlanCombo"), QStringLiteral("cleardb:punch"));
    QTest::mouseClick(child<QPushButton>(change, "changePlanButton"), Qt::LeftButton);
    auto *patchError = child<QLabel>(change, "planChangeError");
    QTRY_VERIFY_WITH_TIMEOUT(patchError->isVisible(), 10000);
    QVERIFY2(patchError->text().startsWith(QStringLiteral("The plan was not changed: ")),
             qPrintable(patchError->text()));
    QVERIFY(change && change->isVisible());
    QVERIFY(child<QPushButton>(change, "changePlanButton")->isEnabled());
    // A PATCH is never resent on its own (HerokuRequest sends POST and PATCH once).
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
}

void TestAddonWorkflows::upgradeShowsPriceDifferenceAndSendsOnePatch()
{
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, IgniteApp));
    const QString addon = child<QTreeView>(&window, "addonTable")->model()->index(0, 0).data().toString();
    SimRequestLog log(m_sim);

    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_U));
    QPointer<PlanChangeDialog> dialog = openedDialog<PlanChangeDialog>(&window);
    QVERIFY(dialog);
    auto *combo = child<QComboBox>(dialog, "newPlanCombo");
    QTRY_VERIFY_WITH_TIMEOUT(combo->isEnabled(), 10000);
    // It opens on the current plan, with nothing to apply.
    QCOMPARE(combo->currentData(PlanListModel::QualifiedNameRole).toString(),
             QStringLiteral("cleardb:ignite"));
    QVERIFY(!child<QPushButton>(dialog, "changePlanButton")->isEnabled());
    selectPlan(combo, QStringLiteral("cleardb:scream"));
    const QString comparison = child<QLabel>(dialog, "planComparison")->text();
    QVERIFY2(comparison.contains(QStringLiteral("cleardb:ignite")) &&
                 comparison.contains(QStringLiteral("cleardb:scream")),
             qPrintable(comparison));
    QVERIFY2(comparison.contains(QStringLiteral("+$99.99/month")), qPrintable(comparison));
    QVERIFY(!child<QLabel>(dialog, "downgradeWarning")->isVisible());
    QCOMPARE(child<QPushButton>(dialog, "changePlanButton")->text(), QStringLiteral("&Upgrade"));
    QTest::mouseClick(child<QPushButton>(dialog, "changePlanButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);

    QCOMPARE(log.count(QStringLiteral("PATCH"), QStringLiteral("/apps/%1/addons/%2").arg(IgniteApp, addon)),
             1);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    // The details reload and keep the add-on selected, now on the new plan.
    auto *table = child<QTreeView>(&window, "addonTable");
    QTRY_COMPARE_WITH_TIMEOUT(table->currentIndex().siblingAtColumn(1).data().toString(),
                              QStringLiteral("cleardb:scream"), 10000);
    QCOMPARE(table->currentIndex().siblingAtColumn(0).data().toString(), addon);
    QVERIFY(child<QLabel>(&window, "messageText")->text().contains(QStringLiteral("cleardb:scream")));
}

void TestAddonWorkflows::downgradeWarnsAboutLimits()
{
    // sandbox-app-0002 is on punch: drop it to ignite.
    const QString app = SimProcess::appName(1);
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, app));
    SimRequestLog log(m_sim);
    child<QAction>(&window, "changePlanAction")->trigger();
    QPointer<PlanChangeDialog> dialog = openedDialog<PlanChangeDialog>(&window);
    QVERIFY(dialog);
    selectPlan(child<QComboBox>(dialog, "newPlanCombo"), QStringLiteral("cleardb:ignite"));
    auto *warning = child<QLabel>(dialog, "downgradeWarning");
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QStringLiteral("5 MB")) &&
                 warning->text().contains(QStringLiteral("1 GB")),
             qPrintable(warning->text()));
    // Ignite's connection limit is not published: "about", never a promise.
    QVERIFY2(warning->text().contains(QStringLiteral("About 10 connections at once (now 15)")),
             qPrintable(warning->text()));
    QVERIFY(child<QLabel>(dialog, "planComparison")->text().contains(QStringLiteral("−$9.99/month")));
    QCOMPARE(child<QPushButton>(dialog, "changePlanButton")->text(), QStringLiteral("&Downgrade"));
    // Cancelling sends nothing.
    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
}

void TestAddonWorkflows::severalClearDbAddonsAskWhichOne()
{
    // sandbox-app-0002 gets a second ClearDB add-on next to its punch.
    const QString app = SimProcess::appName(1);
    SimHttp http(m_sim);
    const SimHttp::Reply created = http.send("POST", QStringLiteral("/apps/%1/addons").arg(app),
                                             R"({"plan": "cleardb:ignite", "name": "second-db"})",
                                             {{"Content-Type", "application/json"}});
    QCOMPARE(created.status, 201);
    MainWindow window(&m_network);
    QVERIFY(openOnApp(window, m_sim, app));
    SimRequestLog log(m_sim);

    // Nothing selected: no dialog, a sentence naming both, and nothing sent.
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_U));
    for (const QDialog *open : window.findChildren<QDialog *>())
        QVERIFY2(!open->isVisible(), qPrintable(open->objectName()));
    const QString text = child<QLabel>(&window, "messageText")->text();
    QVERIFY2(text.contains(QStringLiteral("several ClearDB add-ons")) &&
                 text.contains(QStringLiteral("second-db")),
             qPrintable(text));
    QCOMPARE(log.total(), 0);

    // With one selected, the dialog acts on that one.
    auto *table = child<QTreeView>(&window, "addonTable");
    table->setCurrentIndex(table->model()->index(addonRow(&window, QStringLiteral("second-db")), 0));
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_U));
    QPointer<PlanChangeDialog> dialog = openedDialog<PlanChangeDialog>(&window);
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("second-db")));
}

QTEST_MAIN(TestAddonWorkflows)
#include "tst_addonworkflows.moc"
