// SPDX-License-Identifier: MIT
// The Usage tab against a real database on the sandbox pair (the mariadb_cluster fixture) and a real
// heroku-sim: it reads only once on screen, one connection at a time; the figures are the server's;
// the plan (the app's add-on's, or chosen) turns the same figures into a storage alert with the way
// out; a wrong password is one inline error with Retry; the table list is a sound item model.
#include "../core/sandbox/SandboxTestEnv.h"
#include "SimProcess.h"
#include "UiTestHelpers.h"
#include "connection/DatabaseTabs.h"
#include "connection/TableSizeModel.h"
#include "connection/UsageGauge.h"
#include "connection/UsageTab.h"
#include "heroku/HerokuClient.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

using UiTest::child;

class TestUsageTab : public QObject
{
    Q_OBJECT
    using Endpoint = SandboxStatus::Endpoint;
    SandboxStatus m_status;
    const QString m_db = QStringLiteral("usage_ui%1").arg(QCoreApplication::applicationPid());
    const QString m_user = QStringLiteral("usage_uu%1").arg(QCoreApplication::applicationPid());
    const QString m_password = QStringLiteral("Usage-ui-%1").arg(QCoreApplication::applicationPid());

    Secret url(const QString &password) const
    {
        return Secret(QStringLiteral("mysql://%1:%2@127.0.0.1:%3/%4?ssl-ca=%5")
                          .arg(m_user, password)
                          .arg(m_status.routedPort)
                          .arg(m_db, m_status.caFile));
    }
    int userConnections() const
    {
        return SandboxTestEnv::adminExec(
                   m_status, Endpoint::Primary,
                   {QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '%1'")
                        .arg(m_user)})
            .value(0)
            .toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_status = SandboxTestEnv::status();
        QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture is not running");
        SandboxTestEnv::createDatabaseWithUser(m_status, m_db, m_user, m_password, 4);
        SandboxTestEnv::adminExec(
            m_status, Endpoint::Primary,
            {QStringLiteral("CREATE TABLE invoices (id INT PRIMARY KEY, body VARCHAR(600))"),
             QStringLiteral("INSERT INTO invoices SELECT seq, REPEAT('i', 500) FROM seq_1_to_12000"),
             QStringLiteral("CREATE TABLE tags (id INT PRIMARY KEY)"),
             QStringLiteral("INSERT INTO tags SELECT seq FROM seq_1_to_10"),
             QStringLiteral("ANALYZE TABLE invoices, tags")},
            m_db);
    }

    void readsOnlyOnScreenAndShowsTheServersFigures()
    {
        UsageTab tab;
        auto *tester =
            new QAbstractItemModelTester(child<QTableView>(&tab, "usageTables")->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest, &tab);
        Q_UNUSED(tester)
        QSignalSpy read(&tab, &UsageTab::usageRead);
        tab.setDatabaseUrl(url(m_password), QStringLiteral("Pasted database URL:"));
        QTest::qWait(300);
        QVERIFY2(!tab.isReading() && read.isEmpty(), "a hidden tab must not connect");
        QCOMPARE(userConnections(), 0);

        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(read.wait(20000));
        const UsageReading reading = read.at(0).at(0).value<UsageReading>();
        QVERIFY2(reading.ok(), qPrintable(reading.error.toString()));
        QCOMPARE(userConnections(), 0); // closed before it reported
        const qint64 reported =
            SandboxTestEnv::adminExec(m_status, Endpoint::Primary,
                                      {QStringLiteral("SELECT SUM(DATA_LENGTH + INDEX_LENGTH) FROM "
                                                      "information_schema.TABLES WHERE TABLE_SCHEMA = '%1'")
                                           .arg(m_db)})
                .value(0)
                .toLongLong();
        QVERIFY2(reported > 5 * 1024 * 1024, "premise: the data is over ignite's 5 MB");
        QCOMPARE(reading.usage.totalBytes(), reported);

        auto *model = child<QTableView>(&tab, "usageTables")->model();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, TableSizeModel::Name).data().toString(), QStringLiteral("invoices"));
        QCOMPARE(model->index(0, TableSizeModel::Size).data(Qt::UserRole).toLongLong(),
                 reading.usage.tables.at(0).bytes());
        // No plan chosen: the size stands alone, the connections against the user's own limit.
        auto *storage = child<UsageGauge>(&tab, "usageStorage");
        QCOMPARE(storage->level(), UsageFinding::Level::Fine);
        auto *connections = child<UsageGauge>(&tab, "usageConnections");
        QCOMPARE(connections->text(), QStringLiteral("1 of 4 (25 %)"));

        // Choosing ignite weighs the same figures: over the quota, an alert naming the way out.
        auto *plan = child<QComboBox>(&tab, "usagePlan");
        plan->setCurrentIndex(plan->findData(QStringLiteral("ignite")));
        Q_EMIT plan->activated(plan->currentIndex());
        QCOMPARE(storage->level(), UsageFinding::Level::Alert);
        QVERIFY2(storage->text().contains(QStringLiteral("of 5.0 MB")), qPrintable(storage->text()));
        auto *findings = child<QListWidget>(&tab, "usageFindings");
        QVERIFY(findings->count() >= 2);
        QCOMPARE(findings->item(0)->data(Qt::UserRole + 1).toString(), QStringLiteral("storage"));
        QVERIFY2(findings->item(0)->text().contains(QStringLiteral("upgrade to Punch ($9.99/month)")),
                 qPrintable(findings->item(0)->text()));
        // And punch uncrosses it, without reading again.
        plan->setCurrentIndex(plan->findData(QStringLiteral("punch")));
        Q_EMIT plan->activated(plan->currentIndex());
        QCOMPARE(storage->level(), UsageFinding::Level::Fine);
        QCOMPARE(read.count(), 1);

        // Read usage reads again; the same URL shown again does not.
        QTest::mouseClick(child<QPushButton>(&tab, "readUsageButton"), Qt::LeftButton);
        QVERIFY(read.wait(20000));
        tab.hide();
        tab.setDatabaseUrl(url(m_password), QStringLiteral("Pasted database URL:"));
        tab.show();
        QTest::qWait(300);
        QCOMPARE(read.count(), 2);
    }

    void aWrongPasswordIsOneInlineErrorWithRetry()
    {
        UsageTab tab;
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QSignalSpy read(&tab, &UsageTab::usageRead);
        const QString wrong = QStringLiteral("Not-it-%1").arg(QCoreApplication::applicationPid());
        tab.setDatabaseUrl(url(wrong), QStringLiteral("Pasted database URL:"));
        QVERIFY(read.wait(20000));
        auto *message = child<MessageBar>(&tab, "usageMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->type(), MessageBar::Error);
        QVERIFY2(message->text().contains(QStringLiteral("1045")), qPrintable(message->text()));
        QVERIFY(!message->text().contains(wrong));
        QVERIFY(!message->text().contains(QLatin1Char('\n')));
        QCOMPARE(child<QTableView>(&tab, "usageTables")->model()->rowCount(), 0);
    }

    void theAppsAddonGivesThePlanAndTheRoutersNote()
    {
        SimProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QNetworkAccessManager network;
        HerokuClient client(&network, ApiEndpoint::fromSetting(sim.baseUrl()));
        client.setToken(sim.token());
        QSignalSpy calls(&client, &HerokuClient::exchanged);

        UsageTab tab;
        tab.setClient(&client);
        tab.setApp(SimProcess::appName(1)); // seeded with ClearDB punch
        QTest::qWait(200);
        QCOMPARE(calls.count(), 0); // browsing apps costs nothing while the tab is hidden
        QSignalSpy read(&tab, &UsageTab::usageRead);
        tab.setDatabaseUrl(url(m_password), QStringLiteral("CLEARDB_DATABASE_URL of sandbox-app-0002:"));
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(read.wait(20000));
        auto *plan = child<QComboBox>(&tab, "usagePlan");
        QTRY_COMPARE(plan->currentData().toString(), QStringLiteral("punch"));
        QCOMPARE(calls.count(), 1);
        QVERIFY(tab.report().has_value());
        QVERIFY(tab.report()->clearDbRouter());
        QTRY_VERIFY(child<QLabel>(&tab, "usageDetails")->text().contains(QStringLiteral("about 90 s")));
    }

    void databaseTabsSwitchToUsageWithCtrl4()
    {
        DatabaseTabs tabs(new QWidget); // the details page becomes the tabs' child
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        QTest::keySequence(&tabs, QKeySequence(Qt::CTRL | Qt::Key_4));
        QCOMPARE(tabs.currentWidget(), static_cast<QWidget *>(tabs.usageTab()));
        tabs.setCurrentIndex(0);
        tabs.showUsageAction()->trigger(); // what the add-on table's context menu holds
        QCOMPARE(tabs.currentWidget(), static_cast<QWidget *>(tabs.usageTab()));
    }

    void cleanupTestCase() { SandboxTestEnv::dropDatabaseWithUser(m_status, m_db, m_user); }
};

QTEST_MAIN(TestUsageTab)
#include "tst_usagetab.moc"
