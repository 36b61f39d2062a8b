// SPDX-License-Identifier: MIT
// Move database… from the main window as a user drives it: this app's ClearDB add-on (heroku-sim
// --sandbox-cluster, a real database on the fixture pair) to a database on the fixture's separate
// dedicated server, through pre-flight, copy and verify; a non-empty target blocking Next until the
// app's name is typed; Cancel in the middle of the copy and the replace run that completes it; and the
// last step: DATABASE_URL assigned with a restart, then the old add-on removed, checked through the API.
#include "CopyTestSupport.h"
#include "SandboxAddons.h"
#include "SimRequestLog.h"
#include "addons/RemoveAddonDialog.h"
#include "configvars/ConfigAssignmentDialog.h"
#include "move/MoveWizard.h"
#include "transfer/CopyJob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QtTest>

using namespace SandboxAddons;
using namespace TransferTestDb;
using CopyTestSupport::createUserWithDatabases;
using UiTest::child;
using UiTest::openedDialog;

class TestMoveWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void movesThisAppsDatabaseToTheDedicatedServer();
    void nonEmptyTargetBlocksNextUntilTheNameIsTyped();
    void cancelDuringCopySaysPartlyLoadedAndReplaceCompletesIt();
    void movesIntoAnotherAppsClearDbWithinItsPlan();
    // Last: it removes the source app's ClearDB add-on, which the others copy from.
    void finishAssignsDatabaseUrlRestartsAndRemovesTheOldAddon();

private:
    // The user's dedicated-cluster login: plain characters, so the URL needs no percent-encoding.
    DatabaseEndpoint dedicated(const QString &db) const
    {
        return onDedicated(m_status, endpoint(m_status, QStringLiteral("mvw_t"), m_passT, db));
    }
    static QString urlOf(const DatabaseEndpoint &e)
    {
        return QStringLiteral("mysql://%1:%2@%3:%4/%5")
            .arg(e.user, e.password.reveal(), e.host, QString::number(e.port), e.database);
    }
    QPointer<MoveWizard> openWizard(MainWindow &window);
    static void enterTarget(MoveWizard *wizard, const QString &url);
    static bool preflightDone(MoveWizard *wizard);
    // The pre-flight's findings as listed, one per line.
    static QString findingsText(MoveWizard *wizard);
    static void confirmReplace(MoveWizard *wizard);

    World m_world;
    SandboxStatus m_status;
    QNetworkAccessManager m_network;
    const QString m_passT = QStringLiteral("MoveTarget-secret-8");
    const QString m_passS = QStringLiteral("MoveSource-secret-9");
};

void TestMoveWizard::initTestCase()
{
    QVERIFY(m_world.start());
    m_status = SandboxTestEnv::status();
    QVERIFY2(m_status.dedicatedRunning, qPrintable(m_status.state));
    createUserWithDatabases(dedicatedAdmin(m_status, QString()), "mvw_t", m_passT,
                            {"mvw_dst", "mvw_busy", "mvw_cut", "mvw_fin"});
    createUserWithDatabases(admin(m_status, QString()), "mvw_s", m_passS, {"mvw_big"});
    QVERIFY(sql(dedicated(QStringLiteral("mvw_busy")), "CREATE TABLE keep (id INT PRIMARY KEY); "
                                                       "INSERT INTO keep VALUES (7);")
                .exitCode == 0);
    // About 12 MB of hex in the dump: several times the copy's buffer, so it still runs when cancelled.
    const SqlRun big = sql(admin(m_status, QStringLiteral("mvw_big")),
                           "CREATE TABLE big (id INT PRIMARY KEY, b BLOB);"
                           "INSERT INTO big SELECT seq, RANDOM_BYTES(1000) FROM seq_1_to_6000;");
    QVERIFY2(big.exitCode == 0, big.err.constData());
}

QPointer<MoveWizard> TestMoveWizard::openWizard(MainWindow &window)
{
    if (!m_world.selectClearDb(window, SourceApp))
        return {};
    auto *move = child<QAction>(&window, "moveAction");
    if (!QTest::qWaitFor([&] { return move->isEnabled(); }, 5000))
        return {};
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    return openedDialog<MoveWizard>(&window);
}

void TestMoveWizard::enterTarget(MoveWizard *wizard, const QString &url)
{
    auto *edit = child<QLineEdit>(wizard, "targetUrlEdit");
    QCOMPARE(edit->echoMode(), QLineEdit::Password); // it holds a password
    edit->clear();
    QTest::keyClicks(edit, url);
}

bool TestMoveWizard::preflightDone(MoveWizard *wizard)
{
    return wizard->page() == MoveWizard::PreflightPage && !wizard->isBusy() &&
           child<QListWidget>(wizard, "preflightFindings")->count() > 0;
}

QString TestMoveWizard::findingsText(MoveWizard *wizard)
{
    const auto *findings = child<QListWidget>(wizard, "preflightFindings");
    QStringList lines;
    for (int row = 0; row < findings->count(); ++row)
        lines << findings->item(row)->text();
    return lines.join(QLatin1Char('\n'));
}

void TestMoveWizard::confirmReplace(MoveWizard *wizard)
{
    auto *box = child<QWidget>(wizard, "replaceTargetBox");
    auto *replace = child<QPushButton>(wizard, "replaceTargetButton");
    auto *confirm = child<QLineEdit>(wizard, "confirmAppEdit");
    auto *next = child<QPushButton>(wizard, "nextButton");
    QVERIFY(box->isVisible());
    QVERIFY(!next->isEnabled());
    QVERIFY(!replace->isEnabled());
    QTest::keyClicks(confirm, SourceApp.chopped(1));
    QVERIFY(!replace->isEnabled());
    QTest::mouseClick(replace, Qt::LeftButton); // a wrong name starts nothing
    QVERIFY(!wizard->isBusy());
    QVERIFY(!next->isEnabled());
    QTest::keyClicks(confirm, SourceApp.right(1));
    QVERIFY(replace->isEnabled());
    QTest::mouseClick(replace, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard), 20000);
    QVERIFY(!box->isVisible());
    QVERIFY(next->isEnabled());
}

void TestMoveWizard::movesThisAppsDatabaseToTheDedicatedServer()
{
    MainWindow window(&m_network);
    QPointer<MoveWizard> wizard = openWizard(window);
    QVERIFY(wizard);
    // Where Back up… and Restore… are: the App menu and the add-on table's context menu.
    auto *move = child<QAction>(&window, "moveAction");
    QVERIFY(child<QMenu>(&window, "appMenu")->actions().contains(move));
    QVERIFY(child<QTreeView>(&window, "addonTable")->actions().contains(move));
    QVERIFY(!child<QWidget>(&window, "mainToolBar")->actions().contains(move));

    QCOMPARE(wizard->page(), MoveWizard::EndpointsPage);
    QCOMPARE(child<QComboBox>(wizard, "sourceKindCombo")->currentIndex(), 0); // this app's ClearDB
    auto *next = child<QPushButton>(wizard, "nextButton");
    auto *reason = child<QLabel>(wizard, "endpointsReason");
    QVERIFY(!next->isEnabled());
    // The source itself as the target: refused with one line.
    enterTarget(wizard, urlOf(m_world.source));
    QVERIFY(!next->isEnabled());
    QVERIFY2(reason->isVisible() && reason->text().contains(QStringLiteral("the source itself")),
             qPrintable(reason->text()));
    const DatabaseEndpoint target = dedicated(QStringLiteral("mvw_dst"));
    enterTarget(wizard, urlOf(target));
    QVERIFY(next->isEnabled());
    QVERIFY(!reason->isVisible());

    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->page(), MoveWizard::PreflightPage);
    QVERIFY(wizard->isBusy());
    QVERIFY(!next->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard), 20000);
    auto *findings = child<QListWidget>(wizard, "preflightFindings");
    QVERIFY2(findingsText(wizard).contains(QStringLiteral("is empty")), qPrintable(findingsText(wizard)));
    QVERIFY(!findings->item(0)->icon().isNull());
    QVERIFY(!child<QWidget>(wizard, "replaceTargetBox")->isVisible());
    QVERIFY(next->isEnabled());

    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(wizard->page(), MoveWizard::CopyPage);
    QVERIFY(child<QWidget>(wizard, "transferProgress")->isVisible());
    auto *verdict = child<QLabel>(wizard, "verifyResult");
    QTRY_VERIFY_WITH_TIMEOUT(wizard->page() == MoveWizard::VerifyPage && !wizard->isBusy(), 30000);
    QVERIFY2(verdict->text().contains(QStringLiteral("identical")),
             qPrintable(verdict->text() + child<QLabel>(wizard, "copyError")->text()));
    QCOMPARE(rows(target, ItemsQuery), rows(m_world.source, ItemsQuery));
    QVERIFY(!rows(target, ItemsQuery).isEmpty());

    const QString log = activityLines(window).join(QLatin1Char('\n'));
    for (const char *step : {"pre-flight", "Copied", "identical"})
        QVERIFY2(log.contains(QLatin1String(step)), qPrintable(log));
    QVERIFY(!log.contains(m_world.source.password.reveal()));
    QVERIFY(!log.contains(m_passT));
    QTest::mouseClick(child<QPushButton>(wizard, "cancelMoveButton"), Qt::LeftButton);
    QTRY_VERIFY(!wizard);
}

void TestMoveWizard::nonEmptyTargetBlocksNextUntilTheNameIsTyped()
{
    const DatabaseEndpoint target = dedicated(QStringLiteral("mvw_busy"));
    QCOMPARE(rows(target, "SELECT id FROM keep;"), (QList<QByteArrayList>{{"7"}}));
    MainWindow window(&m_network);
    QPointer<MoveWizard> wizard = openWizard(window);
    QVERIFY(wizard);
    enterTarget(wizard, urlOf(target));
    auto *next = child<QPushButton>(wizard, "nextButton");
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard), 20000);
    QVERIFY(!next->isEnabled());
    auto *findings = child<QListWidget>(wizard, "preflightFindings");
    bool blocker = false;
    for (int row = 0; row < findings->count(); ++row)
        blocker =
            blocker || (findings->item(row)->data(Qt::UserRole).toString() == QLatin1String("blocker") &&
                        findings->item(row)->text().contains(QStringLiteral("not empty")));
    QVERIFY(blocker);
    QTest::mouseClick(next, Qt::LeftButton); // disabled: nothing happens
    QCOMPARE(wizard->page(), MoveWizard::PreflightPage);
    QCOMPARE(rows(target, "SELECT id FROM keep;"), (QList<QByteArrayList>{{"7"}})); // untouched

    confirmReplace(wizard);
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->page() == MoveWizard::VerifyPage && !wizard->isBusy(), 30000);
    QVERIFY2(child<QLabel>(wizard, "verifyResult")->text().contains(QStringLiteral("identical")),
             qPrintable(child<QLabel>(wizard, "verifyResult")->text()));
    QVERIFY(rows(target, "SHOW TABLES LIKE 'keep';").isEmpty()); // replaced
    QCOMPARE(rows(target, ItemsQuery), rows(m_world.source, ItemsQuery));
    QVERIFY(activityLines(window).join(QLatin1Char('\n')).contains(QStringLiteral("replacing")));
}

// Another app's ClearDB as the target: its URL is read through the API (never typed), and the
// pre-flight weighs the source against that app's plan (punch: 1 GB).
void TestMoveWizard::movesIntoAnotherAppsClearDbWithinItsPlan()
{
    MainWindow window(&m_network);
    QPointer<MoveWizard> wizard = openWizard(window);
    QVERIFY(wizard);
    QVERIFY(rows(m_world.target, "SHOW TABLES;").isEmpty()); // premise: the other app's database is empty
    child<QComboBox>(wizard, "targetKindCombo")->setCurrentIndex(1);
    auto *apps = child<QComboBox>(wizard, "targetAppApps");
    QVERIFY(apps->isVisible());
    QVERIFY(!child<QLineEdit>(wizard, "targetUrlEdit")->isEnabled());
    QCOMPARE(apps->findText(SourceApp), -1); // not the app being moved
    apps->setCurrentIndex(apps->findText(TargetApp));
    QVERIFY(apps->currentIndex() >= 0);
    auto *next = child<QPushButton>(wizard, "nextButton");
    QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 10000); // once its URL was read
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard), 20000);
    QVERIFY2(findingsText(wizard).contains(QStringLiteral("quota of 1.0 GB: it fits")),
             qPrintable(findingsText(wizard)));
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->page() == MoveWizard::VerifyPage && !wizard->isBusy(), 30000);
    QVERIFY2(child<QLabel>(wizard, "verifyResult")->text().contains(QStringLiteral("identical")),
             qPrintable(child<QLabel>(wizard, "verifyResult")->text()));
    QCOMPARE(rows(m_world.target, ItemsQuery), rows(m_world.source, ItemsQuery));
}

void TestMoveWizard::cancelDuringCopySaysPartlyLoadedAndReplaceCompletesIt()
{
    const DatabaseEndpoint source =
        endpoint(m_status, QStringLiteral("mvw_s"), m_passS, QStringLiteral("mvw_big"));
    const DatabaseEndpoint target = dedicated(QStringLiteral("mvw_cut"));
    MainWindow window(&m_network);
    QPointer<MoveWizard> wizard = openWizard(window);
    QVERIFY(wizard);
    // A typed source URL (a local MySQL, say) instead of this app's ClearDB.
    child<QComboBox>(wizard, "sourceKindCombo")->setCurrentIndex(1);
    QTest::keyClicks(child<QLineEdit>(wizard, "sourceUrlEdit"), urlOf(source));
    enterTarget(wizard, urlOf(target));
    auto *next = child<QPushButton>(wizard, "nextButton");
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard) && next->isEnabled(), 20000);
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(wizard->copyJob());
    QSignalSpy done(wizard->copyJob(), &CopyJob::finished);
    // Loading has begun once SQL went to the target's client: cancel right then, with no query in between.
    QSignalSpy progressed(wizard->copyJob(), &CopyJob::progress);
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired() && done.isEmpty() &&
           (progressed.isEmpty() || progressed.last().first().value<TransferProgress>().bytesDone == 0))
        progressed.wait(50);
    // Then until the target holds the table, so it really is partly loaded.
    while (!deadline.hasExpired() && done.isEmpty() && rows(target, "SHOW TABLES LIKE 'big';").isEmpty())
        QTest::qWait(5);
    QVERIFY2(done.isEmpty(), "the copy ended before it could be stopped");
    QTest::mouseClick(child<QPushButton>(wizard, "cancelMoveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard || !wizard->isBusy(), 15000);
    QVERIFY(wizard); // Cancel stopped the copy; the wizard stays to say where things stand
    QCOMPARE(wizard->page(), MoveWizard::CopyPage);
    auto *error = child<QLabel>(wizard, "copyError");
    QVERIFY2(error->isVisible() && error->text().contains(QStringLiteral("partly loaded")) &&
                 error->text().contains(QStringLiteral("replace")),
             qPrintable(error->text()));
    QVERIFY(!error->text().contains(m_passS) && !error->text().contains(m_passT));
    const QList<QByteArrayList> partial =
        rows(dedicatedAdmin(m_status, QStringLiteral("mvw_cut")), "SELECT COUNT(*) FROM big;");
    QVERIFY(!partial.isEmpty() && partial.value(0).value(0) != "6000"); // partly loaded

    auto *retry = child<QPushButton>(wizard, "retryReplaceButton");
    QVERIFY(retry->isVisible());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard), 20000);
    confirmReplace(wizard);
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->page() == MoveWizard::VerifyPage && !wizard->isBusy(), 40000);
    QVERIFY2(child<QLabel>(wizard, "verifyResult")->text().contains(QStringLiteral("identical")),
             qPrintable(child<QLabel>(wizard, "verifyResult")->text()));
    QCOMPARE(rows(dedicatedAdmin(m_status, QStringLiteral("mvw_cut")), "SELECT COUNT(*) FROM big;")
                 .value(0)
                 .value(0),
             QByteArray("6000"));
    const QString log = activityLines(window).join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QStringLiteral("cancelled")), qPrintable(log));
    QVERIFY(!log.contains(m_passS) && !log.contains(m_passT));
}

void TestMoveWizard::finishAssignsDatabaseUrlRestartsAndRemovesTheOldAddon()
{
    const DatabaseEndpoint target = dedicated(QStringLiteral("mvw_fin"));
    const QString addon = m_world.clearDbAddon(SourceApp);
    QVERIFY(!addon.isEmpty());
    QVERIFY(AddonTestWindow::configVar(m_world.sim, SourceApp, QStringLiteral("DATABASE_URL")) !=
            urlOf(target));
    MainWindow window(&m_network);
    QPointer<MoveWizard> wizard = openWizard(window);
    QVERIFY(wizard);
    enterTarget(wizard, urlOf(target));
    auto *next = child<QPushButton>(wizard, "nextButton");
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(preflightDone(wizard) && next->isEnabled(), 20000);
    auto *finish = child<QWidget>(wizard, "moveFinishPanel");
    QVERIFY(!finish->isVisible()); // nothing to switch to before the copy verified
    QTest::mouseClick(next, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->page() == MoveWizard::VerifyPage && !wizard->isBusy(), 30000);
    QVERIFY2(child<QLabel>(wizard, "verifyResult")->text().contains(QStringLiteral("identical")),
             qPrintable(child<QLabel>(wizard, "verifyResult")->text()));
    QVERIFY(finish->isVisible());

    SimRequestLog requests(m_world.sim);
    QTest::mouseClick(child<QPushButton>(wizard, "assignTargetButton"), Qt::LeftButton);
    QPointer<ConfigAssignmentDialog> assign = openedDialog<ConfigAssignmentDialog>(wizard);
    QVERIFY(assign);
    QVERIFY(child<QCheckBox>(assign, "restartCheck")->isChecked());
    auto *confirm = child<QPushButton>(assign, "confirmButton");
    QTRY_VERIFY_WITH_TIMEOUT(confirm->isEnabled(), 10000);
    QCOMPARE(requests.countMethod(QStringLiteral("PATCH")), 0); // nothing sent before the confirmation
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!assign, 10000);
    auto *remove = child<QPushButton>(wizard, "removeOldAddonButton");
    QTRY_VERIFY_WITH_TIMEOUT(remove->isVisible(), 10000);
    // Through the API: DATABASE_URL is the target's URL, written once, and the dynos restarted once.
    QCOMPARE(AddonTestWindow::configVar(m_world.sim, SourceApp, QStringLiteral("DATABASE_URL")),
             urlOf(target));
    QCOMPARE(requests.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(requests.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(SourceApp)), 1);
    QVERIFY(AddonTestWindow::addonNames(m_world.sim, SourceApp).contains(addon));

    QTest::mouseClick(remove, Qt::LeftButton);
    QPointer<RemoveAddonDialog> removal = openedDialog<RemoveAddonDialog>(wizard);
    QVERIFY(removal);
    auto *removeButton = child<QPushButton>(removal, "removeButton");
    QTest::keyClicks(child<QLineEdit>(removal, "confirmAppEdit"), SourceApp.chopped(1));
    QVERIFY(!removeButton->isEnabled());
    QTest::keyClicks(child<QLineEdit>(removal, "confirmAppEdit"), SourceApp.right(1));
    // Enabled once the dialog has read the app's config vars (which var holds the old URL).
    QTRY_VERIFY_WITH_TIMEOUT(removeButton->isEnabled(), 10000);
    QTest::mouseClick(removeButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!AddonTestWindow::addonNames(m_world.sim, SourceApp).contains(addon), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(wizard, "finishStatus")->text().contains(QStringLiteral("was removed")), 10000);
    // Nothing offers to act on the removed add-on any more.
    QVERIFY(!child<QAction>(&window, "moveAction")->isEnabled());
    QVERIFY(!child<QAction>(&window, "backupAction")->isEnabled());
    // The new URL stays: removing the old add-on does not touch DATABASE_URL.
    QCOMPARE(AddonTestWindow::configVar(m_world.sim, SourceApp, QStringLiteral("DATABASE_URL")),
             urlOf(target));
    const QString log = activityLines(window).join(QLatin1Char('\n'));
    QVERIFY2(log.contains(QStringLiteral("DATABASE_URL")) && log.contains(QStringLiteral("was removed")),
             qPrintable(log));
    QVERIFY(!log.contains(m_passT) && !log.contains(m_world.source.password.reveal()));
}

QTEST_MAIN(TestMoveWizard)
#include "tst_movewizard.moc"
