// SPDX-License-Identifier: MIT
// Signing in again while windows about the old account are open: the config vars editor and the
// Change plan dialog talk to the old account's apps, so they close with it; the window then shows
// the new account's apps, and nothing the old account had in flight lands in the new one's views.
// Two heroku-sims stand for the two accounts (4 apps and 2 apps, so the views tell them apart).
#include "AddonTestWindow.h"
#include "TestProcesses.h"
#include "UiTestHelpers.h"
#include "account/AccountActions.h"
#include "account/AccountDialog.h"
#include "addons/PlanChangeDialog.h"
#include "addons/ProvisionDialog.h"
#include "addons/RemoveAddonDialog.h"
#include "configvars/ConfigActions.h"
#include "configvars/ConfigAssignmentDialog.h"
#include "configvars/ConfigVarsEditor.h"
#include "dedicated/DedicatedClusterDialog.h"
#include "session/AppCatalog.h"
#include "session/ConsoleSession.h"

#include <QAction>
#include <QNetworkAccessManager>
#include <QPointer>

using AddonTestWindow::connectionTo;
using UiTest::child;

class TestSignInAgain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void signInClosesTheOldAccountsDialogs();

private:
    SimProcess m_first;
    SimProcess m_second;
    QNetworkAccessManager m_network;
};

void TestSignInAgain::initTestCase()
{
    TestProcesses::usePrivateUserDirectories();
    QVERIFY2(m_first.start({QStringLiteral("--apps"), QStringLiteral("4")}),
             qPrintable(m_first.errorString()));
    QVERIFY2(m_second.start({QStringLiteral("--apps"), QStringLiteral("2")}),
             qPrintable(m_second.errorString()));
}

void TestSignInAgain::signInClosesTheOldAccountsDialogs()
{
    MainWindow window(&m_network);
    QVERIFY(AddonTestWindow::openOnApp(window, m_first, SimProcess::appName(0)));
    auto *apps = child<QTreeView>(&window, "appTable");
    QCOMPARE(apps->model()->rowCount(), 4);
    const QPointer<ConsoleSession> oldSession = window.session();
    QVERIFY(oldSession);

    window.configActions()->configVarsAction()->trigger();
    const QPointer<ConfigVarsEditor> editor = UiTest::openedDialog<ConfigVarsEditor>(&window);
    QVERIFY(editor);
    child<QAction>(&window, "changePlanAction")->trigger();
    const QPointer<PlanChangeDialog> plan = UiTest::openedDialog<PlanChangeDialog>(&window);
    QVERIFY(plan);
    window.accountActions()->accountAction()->trigger(); // where the old account's token came from
    const QPointer<AccountDialog> account = UiTest::openedDialog<AccountDialog>(&window);
    QVERIFY(account);
    // Every other window that sends through the old account's client.
    QList<QPointer<QDialog>> others;
    child<QAction>(&window, "provisionAction")->trigger();
    others << UiTest::openedDialog<ProvisionDialog>(&window);
    child<QAction>(&window, "removeAction")->trigger();
    others << UiTest::openedDialog<RemoveAddonDialog>(&window);
    window.configActions()->promoteAction()->trigger();
    others << UiTest::openedDialog<ConfigAssignmentDialog>(&window);
    window.configActions()->dedicatedClusterAction()->trigger();
    others << UiTest::openedDialog<DedicatedClusterDialog>(&window);
    for (const QPointer<QDialog> &other : others)
        QVERIFY(other);

    // The old account has work in flight when the new one signs in: the editor's reload and a
    // refresh of the window (its 4-app list must never replace the new account's 2).
    editor->reload();
    child<QAction>(&window, "refreshAction")->trigger();
    QVERIFY(oldSession->catalog()->isBusy());
    QList<ConsoleSession *> announced;
    connect(&window, &MainWindow::sessionChanged, this,
            [&announced](ConsoleSession *session) { announced << session; });
    Q_EMIT window.accountActions()->signedIn(connectionTo(m_second));
    QCOMPARE(announced, QList<ConsoleSession *>{window.session()});
    QVERIFY(window.session() != oldSession);

    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(plan.isNull(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(account.isNull(), 5000);
    for (const QPointer<QDialog> &other : others)
        QTRY_VERIFY_WITH_TIMEOUT(other.isNull(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(apps->model()->rowCount(), 2, 10000);
    QVERIFY(window.session()->catalog()->appsLoaded());
    QCOMPARE(window.session()->connection().endpoint.baseUrl(),
             ApiEndpoint::fromSetting(m_second.baseUrl()).baseUrl());
    // The old session (and its client) is retired with deleteLater(), never deleted under a reply.
    QTRY_VERIFY_WITH_TIMEOUT(oldSession.isNull(), 5000);
    QTest::qWait(300);
    QCOMPARE(apps->model()->rowCount(), 2);

    // The actions now work on the new account: the editor opens on its app.
    const QModelIndex first = apps->model()->index(0, 0);
    QTest::mouseClick(apps->viewport(), Qt::LeftButton, {}, apps->visualRect(first).center());
    QTRY_VERIFY_WITH_TIMEOUT(window.configActions()->configVarsAction()->isEnabled(), 10000);
    window.configActions()->configVarsAction()->trigger();
    ConfigVarsEditor *fresh = UiTest::openedDialog<ConfigVarsEditor>(&window);
    QVERIFY(fresh);
    QCOMPARE(fresh->app(), first.data().toString());
    QCOMPARE(fresh->app(), window.session()->catalog()->selectedApp());
    fresh->close();
}

QTEST_MAIN(TestSignInAgain)
#include "tst_signinagain.moc"
