// SPDX-License-Identifier: MIT
// The app list's owner choice in the real main window against heroku-sim: the account's team
// (GET /teams) appears as "Team: acme-data" beside the filter box, and choosing it, or "Personal
// apps", narrows the list to the apps whose `team` says so.
#include "SimProcess.h"
#include "UiTestHelpers.h"
#include "session/AppListModel.h"
#include "shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTreeView>
#include <QtTest>

using UiTest::child;

class TestAppTeamFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void ownerChoiceNarrowsTheList();

private:
    QStringList shownApps(QTreeView *table);

    SimProcess m_sim;
    QNetworkAccessManager m_network;
};

void TestAppTeamFilter::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--team-apps"),
                          QStringLiteral("2")}),
             qPrintable(m_sim.errorString()));
}

QStringList TestAppTeamFilter::shownApps(QTreeView *table)
{
    QStringList names;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        names << table->model()->index(row, 0).data(AppListModel::AppNameRole).toString();
    return names;
}

void TestAppTeamFilter::ownerChoiceNarrowsTheList()
{
    MainWindow window(&m_network);
    ConsoleConnection connection;
    connection.endpoint = ApiEndpoint::fromSetting(m_sim.baseUrl());
    connection.token = Secret(m_sim.token());
    connection.credentialKind = CredentialResolution::Source::Keychain;
    window.open(connection);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *scope = child<QComboBox>(&window, "appScope");
    auto *count = child<QLabel>(&window, "appCount");
    auto *table = child<QTreeView>(&window, "appTable");
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("5 apps"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(scope->count(), 3, 10000);
    QCOMPARE(scope->itemText(0), QStringLiteral("All apps"));
    QCOMPARE(scope->itemText(1), QStringLiteral("Personal apps"));
    QCOMPARE(scope->itemText(2), QStringLiteral("Team: acme-data"));
    QVERIFY(scope->isEnabled());

    // The keyboard picks an entry as a user does: each step is an activation.
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down);
    QCOMPARE(scope->currentIndex(), 1);
    QCOMPARE(count->text(), QStringLiteral("3 of 5"));
    for (const QString &name : shownApps(table))
        QVERIFY2(name.startsWith(QStringLiteral("sandbox-app-")), qPrintable(name));

    QTest::keyClick(scope, Qt::Key_Down);
    QCOMPARE(count->text(), QStringLiteral("2 of 5"));
    QStringList team = shownApps(table);
    team.sort();
    QCOMPARE(team, (QStringList{QStringLiteral("acme-data-app-0001"), QStringLiteral("acme-data-app-0002")}));

    // The name filter narrows within the team; nothing left says how to see everything again.
    auto *filter = child<QLineEdit>(&window, "appFilter");
    QTest::keyClicks(filter, QStringLiteral("0002"));
    QCOMPARE(shownApps(table), QStringList{QStringLiteral("acme-data-app-0002")});
    filter->clear();
    QTest::keyClick(scope, Qt::Key_Up);
    QTest::keyClick(scope, Qt::Key_Up);
    QCOMPARE(count->text(), QStringLiteral("5 apps"));

    // A refresh keeps the choice.
    QTest::keyClick(scope, Qt::Key_Down);
    QTest::keyClick(scope, Qt::Key_Down);
    window.findChild<QAction *>(QStringLiteral("refreshAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(count->text(), QStringLiteral("2 of 5"), 10000);
    QTRY_COMPARE(scope->currentText(), QStringLiteral("Team: acme-data"));
}

QTEST_MAIN(TestAppTeamFilter)
#include "tst_appteamfilter.moc"
