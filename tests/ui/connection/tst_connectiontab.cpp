// SPDX-License-Identifier: MIT
// The Connection tab driven like a user, offscreen: a pasted URL to a closed port shows the TCP-stage
// error inline (never the password); a URL that cannot be parsed says why without probing; an app's
// CLEARDB_DATABASE_URL is read from the real heroku-sim and stays masked until revealed; an app
// without one says what to do.
#include "SimProcess.h"
#include "UiTestHelpers.h"
#include "connection/ConnectionTab.h"
#include "connection/DatabaseTabs.h"
#include "connection/ProbeWaterfall.h"
#include "heroku/HerokuClient.h"
#include "monitoring/MonitorView.h"
#include "widgets/MessageBar.h"

#include "dburl/DatabaseUrl.h"
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>

#include <QtTest>

using UiTest::child;
using UiTest::closedPort;

class TestConnectionTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void closedPortShowsTcpStageErrorInline();
    void unusableUrlSaysWhyWithoutProbing();
    void appUrlIsLoadedMaskedAndRevealable();
    void appWithoutDatabaseSaysWhatToDo();
    void tabsLoadTheAppUrlWhenShownAndMonitorFollows();
    void anotherSessionLoadsTheAppUrlAgain();
    void anotherAppDuringATestLeavesTestAvailable();
};

void TestConnectionTab::closedPortShowsTcpStageErrorInline()
{
    ConnectionTab tab;
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    const QString password = QStringLiteral("Closed-Port-Secret-77");
    auto *url = child<QLineEdit>(&tab, "connectionUrl");
    QTest::keyClicks(
        url, QStringLiteral("mysql://app_user:%1@127.0.0.1:%2/appdb").arg(password).arg(closedPort()));
    QCOMPARE(url->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLabel>(&tab, "connectionUrlSource")->text(), QStringLiteral("Pasted database URL:"));

    QSignalSpy finished(&tab, &ConnectionTab::probeFinished);
    QTest::mouseClick(child<QPushButton>(&tab, "testConnectionButton"), Qt::LeftButton);
    QVERIFY(tab.isTesting());
    QVERIFY(finished.wait(10000));

    const ProbeResult result = tab.lastResult();
    QCOMPARE(result.error.stage, ProbeStage::Tcp);
    auto *message = child<MessageBar>(&tab, "connectionMessage");
    QVERIFY(message->isVisible());
    QCOMPARE(message->type(), MessageBar::Error);
    QVERIFY2(message->text().startsWith(QStringLiteral("TCP connect failed: ")), qPrintable(message->text()));
    QVERIFY2(message->text().contains(QStringLiteral("connection refused"), Qt::CaseInsensitive) ||
                 message->text().contains(QStringLiteral("cannot connect"), Qt::CaseInsensitive),
             qPrintable(message->text()));

    // The waterfall: DNS passed (an address needs no lookup but is still a stage), TCP failed, nothing after.
    const QList<StageTiming> stages = child<ProbeWaterfall>(&tab, "probeWaterfall")->stages();
    QCOMPARE(stages.size(), 2);
    QCOMPARE(stages.at(0).stage, ProbeStage::Dns);
    QVERIFY(stages.at(0).ok);
    QCOMPARE(stages.at(1).stage, ProbeStage::Tcp);
    QVERIFY(!stages.at(1).ok);
    QVERIFY(child<QLabel>(&tab, "serverId")->text().startsWith(QStringLiteral("Not known yet")));
    QVERIFY(child<QLabel>(&tab, "tlsVerdict")->text().startsWith(QStringLiteral("Not checked yet")));

    // The password is nowhere on screen.
    for (const QLabel *label : tab.findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(password), qPrintable(label->objectName()));
    QVERIFY(!message->text().contains(password));
    QVERIFY(child<QLabel>(&tab, "connectionSummary")
                ->text()
                .contains(QStringLiteral("app_user:") + DatabaseUrl::passwordMask() +
                          QStringLiteral("@127.0.0.1")));

    // "Try again" in the message bar probes again.
    QVERIFY(child<QAction>(&tab, "testConnectionAction")->isEnabled());
    QTest::keySequence(url, QKeySequence(Qt::CTRL | Qt::Key_T));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 2);
}

void TestConnectionTab::unusableUrlSaysWhyWithoutProbing()
{
    ConnectionTab tab;
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    auto *message = child<MessageBar>(&tab, "connectionMessage");
    QTest::mouseClick(child<QPushButton>(&tab, "testConnectionButton"), Qt::LeftButton);
    QCOMPARE(message->type(), MessageBar::Warning);
    QVERIFY(message->text().startsWith(QStringLiteral("Enter a database URL first")));

    QTest::keyClicks(child<QLineEdit>(&tab, "connectionUrl"),
                     QStringLiteral("postgres://u:pw-secret@db.example/x"));
    QTest::keyClick(child<QLineEdit>(&tab, "connectionUrl"), Qt::Key_Return);
    QVERIFY(!tab.isTesting());
    QCOMPARE(message->type(), MessageBar::Error);
    QVERIFY2(message->text().startsWith(QStringLiteral("This database URL cannot be used: ")),
             qPrintable(message->text()));
    QVERIFY(message->text().contains(QStringLiteral("postgres")));
    QVERIFY(!message->text().contains(QStringLiteral("pw-secret")));
}

void TestConnectionTab::appUrlIsLoadedMaskedAndRevealable()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QNetworkAccessManager network;
    HerokuClient client(&network, ApiEndpoint::fromSetting(sim.baseUrl()));
    client.setToken(sim.token());

    ConnectionTab tab;
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QSignalSpy urlChanged(&tab, &ConnectionTab::databaseUrlChanged);
    tab.setClient(&client);
    tab.setApp(SimProcess::appName(0));
    QVERIFY(urlChanged.wait(10000));
    const auto url = urlChanged.takeFirst().at(0).value<Secret>();
    QVERIFY(url.reveal().startsWith(QStringLiteral("mysql://")));
    QCOMPARE(child<QLabel>(&tab, "connectionUrlSource")->text(),
             QStringLiteral("CLEARDB_DATABASE_URL of %1:").arg(SimProcess::appName(0)));
    auto *field = child<QLineEdit>(&tab, "connectionUrl");
    QCOMPARE(field->text(), url.reveal());
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(field->displayText() != field->text());

    // Ctrl+Shift+R reveals the URL and hides it again.
    field->setFocus();
    QTest::keySequence(field, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QCOMPARE(field->echoMode(), QLineEdit::Normal);
    QTest::keySequence(field, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QCOMPARE(field->echoMode(), QLineEdit::Password);
}

void TestConnectionTab::appWithoutDatabaseSaysWhatToDo()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QNetworkAccessManager network;
    HerokuClient client(&network, ApiEndpoint::fromSetting(sim.baseUrl()));
    client.setToken(sim.token());

    ConnectionTab tab;
    tab.setClient(&client);
    tab.setApp(SimProcess::appName(2));
    auto *summary = child<QLabel>(&tab, "connectionSummary");
    QTRY_VERIFY_WITH_TIMEOUT(
        summary->text().contains(QStringLiteral("has no CLEARDB_DATABASE_URL or DATABASE_URL")), 10000);
    QVERIFY(summary->text().contains(QStringLiteral("paste a database URL")));
    QVERIFY(child<QLineEdit>(&tab, "connectionUrl")->text().isEmpty());
}

void TestConnectionTab::tabsLoadTheAppUrlWhenShownAndMonitorFollows()
{
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QNetworkAccessManager network;
    HerokuClient client(&network, ApiEndpoint::fromSetting(sim.baseUrl()));
    client.setToken(sim.token());
    int configVarRequests = 0;
    connect(&client, &HerokuClient::exchanged, this, [&](const ApiCallRecord &record) {
        configVarRequests += record.path.endsWith(QStringLiteral("/config-vars")) ? 1 : 0;
    });

    DatabaseTabs tabs(new QWidget); // takes the details page over
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.setConnection(&client, false);
    auto *source = child<QLabel>(&tabs, "connectionUrlSource");
    const QString initial = source->text();
    // Browsing apps in the Details tab costs no config-vars request.
    tabs.setApp(SimProcess::appName(0));
    tabs.setApp(SimProcess::appName(1));
    QTest::qWait(300);
    QCOMPARE(configVarRequests, 0);
    QCOMPARE(source->text(), initial);

    // Ctrl+3 opens the Monitor, which loads the app's URL once; the monitor shows where it came from.
    QTest::keyClick(&tabs, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(tabs.currentWidget(), tabs.monitorView());
    const QString expected = QStringLiteral("CLEARDB_DATABASE_URL of %1:").arg(SimProcess::appName(1));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(&tabs, "monitorUrlSource")->text(), expected, 10000);
    QCOMPARE(source->text(), expected);
    QVERIFY(child<QLineEdit>(&tabs, "monitorUrl")->text().startsWith(QStringLiteral("mysql://")));
    QCOMPARE(child<QLineEdit>(&tabs, "monitorUrl")->echoMode(), QLineEdit::Password);
    QTest::keyClick(&tabs, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(tabs.currentWidget(), tabs.connectionTab());
    QTest::qWait(200);
    QCOMPARE(configVarRequests, 1);
}

void TestConnectionTab::anotherSessionLoadsTheAppUrlAgain()
{
    // Two clients on one sim stand for two sign-ins; an app of the same name in both must not
    // keep the first account's URL.
    SimProcess sim;
    QVERIFY2(sim.start(), qPrintable(sim.errorString()));
    QNetworkAccessManager network;
    HerokuClient first(&network, ApiEndpoint::fromSetting(sim.baseUrl()));
    first.setToken(sim.token());
    HerokuClient second(&network, ApiEndpoint::fromSetting(sim.baseUrl()));
    second.setToken(sim.token());
    QSignalSpy secondCalls(&second, &HerokuClient::exchanged);

    DatabaseTabs tabs(new QWidget);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.setConnection(&first, false);
    auto *source = child<QLabel>(&tabs, "connectionUrlSource");
    const QString initial = source->text();
    auto *field = child<QLineEdit>(&tabs, "connectionUrl");
    QTest::keyClick(&tabs, Qt::Key_2, Qt::ControlModifier);
    tabs.setApp(SimProcess::appName(0));
    QTRY_VERIFY_WITH_TIMEOUT(field->text().startsWith(QStringLiteral("mysql://")), 10000);

    tabs.setConnection(&second, false);
    QVERIFY(field->text().isEmpty()); // the old account's URL is gone at once
    QCOMPARE(source->text(), initial);
    QVERIFY(child<QLineEdit>(&tabs, "monitorUrl")->text().isEmpty()); // the idle monitor follows
    tabs.setApp(SimProcess::appName(0));
    QTRY_VERIFY_WITH_TIMEOUT(!secondCalls.isEmpty(), 10000);
    QVERIFY(secondCalls.first().first().value<ApiCallRecord>().path.endsWith(QStringLiteral("/config-vars")));
    QTRY_VERIFY_WITH_TIMEOUT(field->text().startsWith(QStringLiteral("mysql://")), 10000);
}

void TestConnectionTab::anotherAppDuringATestLeavesTestAvailable()
{
    // A server that accepts and never greets keeps the probe in its greeting stage.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ConnectionTab tab;
    tab.setUrlText(QStringLiteral("mysql://u:Silent-Secret-1@127.0.0.1:%1/db").arg(silent.serverPort()));
    tab.testConnection();
    QVERIFY(tab.isTesting());
    QVERIFY(!tab.testAction()->isEnabled());

    tab.setApp(QStringLiteral("another-app")); // abandons the test of the previous URL
    QVERIFY(!tab.isTesting());
    QVERIFY(tab.testAction()->isEnabled());
    QVERIFY(child<QPushButton>(&tab, "testConnectionButton")->isEnabled());
}

QTEST_MAIN(TestConnectionTab)
#include "tst_connectiontab.moc"
