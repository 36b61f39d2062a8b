// SPDX-License-Identifier: MIT
// The Connection tab and the Monitor view against the real sandbox cluster (two MariaDB masters with
// TLS behind HAProxy, the ctest fixture): a pasted routed URL shows every stage, the server that
// answered, and a verified TLS card; the monitor's chart and event model receive live samples in
// both connection modes; the sandbox-only drill button runs a real failover drill and shows it.
#include "../core/sandbox/SandboxTestEnv.h"
#include "UiTestHelpers.h"
#include "connection/ConnectionTab.h"
#include "connection/ProbeWaterfall.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/LatencyChart.h"
#include "monitoring/MonitorEventModel.h"
#include "monitoring/MonitorView.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using UiTest::child;

class TestConnectionTabSandbox : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pastedUrlShowsStagesServerAndTls();
    void monitorChartAndEventsReceiveSamples_data();
    void monitorChartAndEventsReceiveSamples();
    void drillButtonShowsFailoverAndFailback();

private:
    SandboxStatus m_status;
    QString m_url;
    QString m_password;
};

void TestConnectionTabSandbox::initTestCase()
{
    m_status = SandboxTestEnv::status();
    QVERIFY2(m_status.isRunning(), "the mariadb_cluster fixture is not running");
    m_password = m_status.adminPassword();
    QVERIFY(!m_password.isEmpty());
    // The routed endpoint, as CLEARDB_DATABASE_URL would name it, with the sandbox CA.
    m_url = QStringLiteral("mysql://%1:%2@127.0.0.1:%3/?ssl-ca=%4")
                .arg(m_status.adminUser, QString::fromLatin1(QUrl::toPercentEncoding(m_password)))
                .arg(m_status.routedPort)
                .arg(m_status.caFile);
}

void TestConnectionTabSandbox::pastedUrlShowsStagesServerAndTls()
{
    ConnectionTab tab;
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.setUrlText(m_url);
    QSignalSpy finished(&tab, &ConnectionTab::probeFinished);
    QTest::mouseClick(child<QPushButton>(&tab, "testConnectionButton"), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(tab.lastResult().ok(), qPrintable(tab.lastResult().error.toString()));

    const QList<StageTiming> stages = child<ProbeWaterfall>(&tab, "probeWaterfall")->stages();
    const QList<ProbeStage> expected = {ProbeStage::Dns, ProbeStage::Tcp,  ProbeStage::Greeting,
                                        ProbeStage::Tls, ProbeStage::Auth, ProbeStage::Query};
    QCOMPARE(stages.size(), expected.size());
    for (int i = 0; i < stages.size(); ++i) {
        QCOMPARE(stages.at(i).stage, expected.at(i));
        QVERIFY(stages.at(i).ok);
    }
    QVERIFY(!child<MessageBar>(&tab, "connectionMessage")->isVisible());

    // The routed endpoint is served by the primary (server_id 1) while both run.
    QCOMPARE(child<QLabel>(&tab, "serverId")->text(), QStringLiteral("1"));
    QVERIFY(child<QLabel>(&tab, "serverVersion")->text().contains(QStringLiteral("MariaDB")));
    QCOMPARE(child<QLabel>(&tab, "serverReadOnly")->text(), QStringLiteral("no"));
    QVERIFY(!child<QLabel>(&tab, "serverHostname")->text().isEmpty());
    QVERIFY(child<QLabel>(&tab, "connectionSummary")->text().contains(QStringLiteral("server 1")));

    // The sandbox CA signs a certificate for localhost/127.0.0.1: the card says verified.
    QCOMPARE(child<QLabel>(&tab, "tlsVerdict")->text(), QStringLiteral("verified"));
    QVERIFY(child<QLabel>(&tab, "tlsProtocol")->text().startsWith(QStringLiteral("TLSv1.")));
    QVERIFY(child<QLabel>(&tab, "tlsIssuer")->text().contains(QStringLiteral("Sandbox")));
    QVERIFY(child<QLabel>(&tab, "tlsExpiry")->text().contains(QStringLiteral("days")));
    for (const QLabel *label : tab.findChildren<QLabel *>())
        QVERIFY2(!label->text().contains(m_password), qPrintable(label->objectName()));
}

void TestConnectionTabSandbox::monitorChartAndEventsReceiveSamples_data()
{
    QTest::addColumn<int>("modeIndex");
    QTest::newRow("new connection") << 0;
    QTest::newRow("persistent") << 1;
}

void TestConnectionTabSandbox::monitorChartAndEventsReceiveSamples()
{
    QFETCH(int, modeIndex);
    MonitorView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QAbstractItemModelTester tester(view.eventModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setDatabaseUrl(Secret(m_url), QStringLiteral("test URL:"));
    child<QComboBox>(&view, "monitorMode")->setCurrentIndex(modeIndex);
    view.setIntervalMs(200);
    QTest::mouseClick(child<QPushButton>(&view, "monitorStart"), Qt::LeftButton);
    QVERIFY(view.isRunning());
    QCOMPARE(view.monitor()->mode(),
             FailoverMonitor::Mode(child<QComboBox>(&view, "monitorMode")->currentData().toInt()));
    QVERIFY(!child<QComboBox>(&view, "monitorMode")->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(view.chart()->sampleCount() >= 5, 15000);
    QCOMPARE(view.chart()->servers(), QList<qint64>{1});
    QVERIFY2(child<QLabel>(&view, "monitorStatus")->text().contains(QStringLiteral("answered by server 1")),
             qPrintable(child<QLabel>(&view, "monitorStatus")->text()));
    // Steady probing of a healthy cluster: no failover, no outage.
    QCOMPARE(view.eventModel()->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>(&view, "monitorStop"), Qt::LeftButton);
    QVERIFY(!view.isRunning());
    QVERIFY(child<QComboBox>(&view, "monitorMode")->isEnabled());
    const int samples = view.chart()->sampleCount();
    QTest::qWait(500);
    QCOMPARE(view.chart()->sampleCount(), samples);
}

void TestConnectionTabSandbox::drillButtonShowsFailoverAndFailback()
{
    MonitorView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QAbstractItemModelTester tester(view.eventModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setSandboxMode(true);
    view.setIntervalMs(250);
    auto *button = child<QPushButton>(&view, "runDrillButton");
    QVERIFY(button->isVisible());
    QSignalSpy finished(&view, &MonitorView::drillFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(view.isDrilling());
    QVERIFY(!button->isEnabled());
    QVERIFY(!child<QPushButton>(&view, "monitorStart")->isEnabled());
    QVERIFY(finished.wait(120000));
    const auto result = finished.takeFirst().at(0).value<DrillResult>();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().oneLine()));

    // The drill's own samples and events were shown live: both masters answered, a failover and a
    // failback are in the list, and the message names the detection times.
    QCOMPARE(view.chart()->servers().size(), 2);
    QList<int> kinds;
    for (int row = 0; row < view.eventModel()->rowCount(); ++row)
        kinds << view.eventModel()->index(row, 0).data(MonitorEventModel::KindRole).toInt();
    QVERIFY(kinds.contains(int(MonitorEvent::Kind::Failover)));
    QVERIFY(kinds.contains(int(MonitorEvent::Kind::Failback)));
    QVERIFY(view.chart()->eventCount() >= 2);
    auto *message = child<MessageBar>(&view, "monitorMessage");
    QCOMPARE(message->type(), MessageBar::Positive);
    QVERIFY2(message->text().startsWith(QStringLiteral("Failover drill finished: failover detected ")),
             qPrintable(message->text()));
    QVERIFY(button->isEnabled());

    // Its data can be exported until the next run.
    QTemporaryDir dir;
    QVERIFY(view.exportTo(dir.filePath(QStringLiteral("drill.csv")), false).ok());
    QFile events(dir.filePath(QStringLiteral("drill-events.csv")));
    QVERIFY(events.open(QIODevice::ReadOnly));
    QVERIFY(events.readAll().contains("failover"));
    QVERIFY(view.exportTo(dir.filePath(QStringLiteral("drill.json")), true).ok());
    QFile json(dir.filePath(QStringLiteral("drill.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    const QJsonObject drill = root.value(QStringLiteral("drill")).toObject();
    QCOMPARE(drill.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(drill.value(QStringLiteral("failoverDetectMs")).toDouble(), result.failoverDetectMs);
    QCOMPARE(root.value(QStringLiteral("intervalMs")).toInt(), 250);
    QCOMPARE(root.value(QStringLiteral("source")).toString(), QStringLiteral("sandbox cluster"));
}

QTEST_MAIN(TestConnectionTabSandbox)
#include "tst_connectiontabsandbox.moc"
