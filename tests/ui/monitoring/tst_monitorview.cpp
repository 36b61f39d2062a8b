// SPDX-License-Identifier: MIT
// The Monitor view without a database: the event model (checked by QAbstractItemModelTester), the
// chart's colours per server, a monitor watching a closed port that reports "no answer" samples and
// an outage event, CSV/JSON export (and a clear error when the folder is not writable), and the
// drill button, which only exists in the sandbox.
#include "TestConfig.h"
#include "UiTestHelpers.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/LatencyChart.h"
#include "monitoring/MonitorEventModel.h"
#include "monitoring/MonitorView.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using UiTest::child;
using UiTest::closedPort;

namespace {

MonitorEvent makeEvent(MonitorEvent::Kind kind, qint64 from, qint64 to)
{
    MonitorEvent e;
    e.atMs = 1'700'000'000'000;
    e.kind = kind;
    e.target = QStringLiteral("routed");
    e.fromServerId = from;
    e.toServerId = to;
    e.detail = QStringLiteral("detail");
    return e;
}
} // namespace

class TestMonitorView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventModelRowsAndColumns();
    void chartColoursEachServerOnce();
    void chartLabelsNeverOverlap();
    void closedPortGivesNoAnswerSamplesAndOutage();
    void exportWritesCsvAndJson();
    void exportToUnwritableFolderSaysWhy();
    void drillOnlyInSandbox();
    void drillRunsWhileMonitoringAndCancels();
};

void TestMonitorView::eventModelRowsAndColumns()
{
    MonitorEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.append(makeEvent(MonitorEvent::Kind::Failover, 1, 2));
    model.append(makeEvent(MonitorEvent::Kind::Failback, 2, 1));
    model.append(makeEvent(MonitorEvent::Kind::OutageStarted, -1, -1));
    MonitorEvent lag = makeEvent(MonitorEvent::Kind::ReplicationLag, 1, 2);
    lag.target = QStringLiteral("secondary");
    lag.lagMs = 4.5;
    model.append(lag);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, MonitorEventModel::EventColumn).data().toString(),
             QStringLiteral("Replication lag"));
    QCOMPARE(model.index(3, MonitorEventModel::TargetColumn).data().toString(),
             QStringLiteral("secondary's own port"));
    QCOMPARE(model.index(3, 0).data(MonitorEventModel::LagRole).toDouble(), 4.5);
    QVERIFY(!model.index(0, 0).data(MonitorEventModel::LagRole).isValid());
    QCOMPARE(model.index(0, MonitorEventModel::EventColumn).data().toString(), QStringLiteral("Failover"));
    QCOMPARE(model.index(0, MonitorEventModel::ServersColumn).data().toString(), QStringLiteral("1 → 2"));
    QCOMPARE(model.index(1, MonitorEventModel::EventColumn).data().toString(), QStringLiteral("Failback"));
    QCOMPARE(model.index(2, MonitorEventModel::ServersColumn).data().toString(), QString());
    QCOMPARE(model.index(1, 0).data(MonitorEventModel::KindRole).toInt(), int(MonitorEvent::Kind::Failback));
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    // A drill's failover is proved by the primary's own port and its failback by the routed endpoint:
    // each row is named by what happened, and the endpoint says it is only where it was seen.
    MonitorEvent failover = makeEvent(MonitorEvent::Kind::Failover, 1, 2);
    failover.target = QStringLiteral("primary");
    MonitorEvent failback = makeEvent(MonitorEvent::Kind::Failback, 2, 1);
    failback.target = QStringLiteral("routed");
    model.append(failover);
    model.append(failback);
    QCOMPARE(model.headerData(MonitorEventModel::TargetColumn, Qt::Horizontal).toString(),
             QStringLiteral("Seen on"));
    QCOMPARE(model.index(0, MonitorEventModel::EventColumn).data().toString(), QStringLiteral("Failover"));
    QCOMPARE(model.index(0, MonitorEventModel::TargetColumn).data().toString(),
             QStringLiteral("primary's own port"));
    QCOMPARE(model.index(1, MonitorEventModel::EventColumn).data().toString(), QStringLiteral("Failback"));
    QCOMPARE(model.index(1, MonitorEventModel::TargetColumn).data().toString(),
             QStringLiteral("routed endpoint"));
    // The kind stays the stable name in exports and the CLI.
    QCOMPARE(failover.kindName(), QStringLiteral("failover"));
    QCOMPARE(failback.kindName(), QStringLiteral("failback"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestMonitorView::chartColoursEachServerOnce()
{
    LatencyChart chart;
    MonitorSample a;
    a.ok = true;
    a.serverId = 7;
    a.atMs = 1000;
    a.latencyMs = 4;
    a.target = QStringLiteral("routed");
    MonitorSample b = a;
    b.serverId = 9;
    b.atMs = 2000;
    MonitorSample lost = a;
    lost.ok = false;
    lost.serverId = -1;
    lost.atMs = 3000;
    for (const MonitorSample &s : {a, b, a, lost})
        chart.addSample(s);
    QCOMPARE(chart.sampleCount(), 4);
    QCOMPARE(chart.servers(), (QList<qint64>{7, 9}));
    QVERIFY(chart.colorForServer(7) != chart.colorForServer(9));
    QVERIFY(chart.colorForServer(-1) != chart.colorForServer(7));
    chart.addEvent(makeEvent(MonitorEvent::Kind::Failover, 7, 9));
    QCOMPARE(chart.eventCount(), 1);
    QVERIFY(chart.accessibleDescription().contains(QStringLiteral("no answer")));
    // Paints without a database, at any size (the monitor tab can be squeezed).
    chart.resize(200, 120);
    QVERIFY(!chart.grab().isNull());
    chart.clear();
    QCOMPARE(chart.sampleCount(), 0);
    QVERIFY(chart.servers().isEmpty());
}

void TestMonitorView::chartLabelsNeverOverlap()
{
    // A drill's minute: three endpoints, two servers, an outage, and a failover and failback close together.
    LatencyChart chart;
    const qint64 t0 = 1'700'000'000'000;
    for (qint64 at = t0; at <= t0 + 60'000; at += 250) {
        for (const char *target : {"routed", "primary", "secondary"}) {
            MonitorSample s;
            s.atMs = at;
            s.target = QString::fromLatin1(target);
            s.ok = !(at > t0 + 30'000 && at < t0 + 33'000);
            s.serverId = at < t0 + 31'000 ? 1 : 2;
            s.latencyMs = 5 + double(at % 7000) / 100.0;
            chart.addSample(s);
        }
    }
    // The canary's lag series adds a legend entry, which must fit among the others too.
    for (qint64 at = t0 + 5'000; at <= t0 + 60'000; at += 10'000) {
        MonitorEvent lag = makeEvent(MonitorEvent::Kind::ReplicationLag, 1, 2);
        lag.atMs = at;
        lag.lagMs = double(at % 9000) / 300.0;
        chart.addEvent(lag);
    }
    QCOMPARE(chart.lags().size(), 6);
    for (const auto &[kind, at] : {std::pair{MonitorEvent::Kind::Failover, t0 + 30'500},
                                   std::pair{MonitorEvent::Kind::Failback, t0 + 31'500},
                                   std::pair{MonitorEvent::Kind::Failover, t0 + 58'000},
                                   std::pair{MonitorEvent::Kind::Failback, t0 + 59'900}}) {
        MonitorEvent e = makeEvent(kind, 1, 2);
        e.atMs = at;
        chart.addEvent(e);
    }
    for (const int width : {240, 320, 480, 640, 900, 1280, 1600, 1920, 2560, 3840}) {
        for (const int height : {140, 240, 600, 1400}) {
            chart.resize(width, height);
            chart.grab(); // paints, which lays the labels out
            const QList<QRectF> labels = chart.labelRects();
            QVERIFY2(labels.size() >= 4, qPrintable(QString::number(labels.size())));
            for (qsizetype i = 0; i < labels.size(); ++i) {
                QVERIFY2(QRectF(chart.rect()).contains(labels.at(i)),
                         qPrintable(QStringLiteral("%1x%2: label %3 outside").arg(width).arg(height).arg(i)));
                for (qsizetype j = i + 1; j < labels.size(); ++j)
                    QVERIFY2(!labels.at(i).intersects(labels.at(j)),
                             qPrintable(QStringLiteral("%1x%2: labels %3 and %4 overlap")
                                            .arg(width)
                                            .arg(height)
                                            .arg(i)
                                            .arg(j)));
            }
        }
    }
}

void TestMonitorView::closedPortGivesNoAnswerSamplesAndOutage()
{
    MonitorView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QAbstractItemModelTester tester(view.eventModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setDatabaseUrl(
        Secret(QStringLiteral("mysql://u:Monitor-Secret-1@127.0.0.1:%1/db").arg(closedPort())),
        QStringLiteral("test URL:"));
    view.setIntervalMs(100);
    QCOMPARE(view.monitor()->intervalMs(), 100);
    QVERIFY(child<QAction>(&view, "startMonitorAction")->isEnabled());
    QVERIFY(!child<QAction>(&view, "stopMonitorAction")->isEnabled());
    // Empty states say what will appear.
    QVERIFY(child<QLabel>(&view, "monitorEventsEmpty")->isVisible());
    QVERIFY(!child<QTreeView>(&view, "monitorEvents")->isVisible());
    QTest::keySequence(&view, QKeySequence(Qt::CTRL | Qt::Key_M));
    QVERIFY(view.isRunning());
    QVERIFY(!child<QAction>(&view, "startMonitorAction")->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(view.chart()->sampleCount() >= 3, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(view.eventModel()->rowCount() >= 1, 10000);
    QVERIFY(child<QTreeView>(&view, "monitorEvents")->isVisible());
    QCOMPARE(view.eventModel()->index(0, 0).data(MonitorEventModel::KindRole).toInt(),
             int(MonitorEvent::Kind::OutageStarted));
    QVERIFY(view.chart()->servers().isEmpty()); // nobody answered
    const QString status = child<QLabel>(&view, "monitorStatus")->text();
    QVERIFY2(status.startsWith(QStringLiteral("Last probe got no answer")), qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral("Monitor-Secret-1")));

    QTest::keySequence(&view, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    QVERIFY(!view.isRunning());
    QVERIFY(child<QLabel>(&view, "monitorStatus")->text().startsWith(QStringLiteral("Stopped after")));
}

void TestMonitorView::exportWritesCsvAndJson()
{
    MonitorView view;
    view.setAppName(QStringLiteral("export-app"));
    view.setDatabaseUrl(Secret(QStringLiteral("mysql://u:Export-Secret-2@127.0.0.1:%1/db").arg(closedPort())),
                        QStringLiteral("test URL:"));
    view.setIntervalMs(100);
    view.start();
    QTRY_VERIFY_WITH_TIMEOUT(view.monitor()->samples().size() >= 2, 10000);
    view.stop();

    QTemporaryDir dir;
    QVERIFY(view.exportTo(dir.filePath(QStringLiteral("run.csv")), false).ok());
    QFile csv(dir.filePath(QStringLiteral("run.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray csvData = csv.readAll();
    QCOMPARE(csvData, view.monitor()->samplesCsv());
    QCOMPARE(csvData.count('\n'), view.monitor()->samples().size() + 1); // header + one line per sample
    // The events are in the file the user chose: the closed port's outage on the sample that proved it.
    QVERIFY(!view.monitor()->events().isEmpty());
    QVERIFY2(csvData.split('\n').first().contains(",event,event_detail"), csvData.left(200).constData());
    QVERIFY2(csvData.contains(",outage-started,"), csvData.constData());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("run-events.csv"))));
    QVERIFY(!csvData.contains("Export-Secret-2"));

    QVERIFY(view.exportTo(dir.filePath(QStringLiteral("run.json")), true).ok());
    QFile json(dir.filePath(QStringLiteral("run.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("samples")).toArray().size(), view.monitor()->samples().size());
    QVERIFY(root.contains(QStringLiteral("events")));
    // What was watched, and how: enough to read the file a week later.
    QCOMPARE(root.value(QStringLiteral("intervalMs")).toInt(), 100);
    QCOMPARE(root.value(QStringLiteral("mode")).toString(), QStringLiteral("new-connection"));
    QCOMPARE(root.value(QStringLiteral("app")).toString(), QStringLiteral("export-app"));
    QCOMPARE(root.value(QStringLiteral("source")).toString(), QStringLiteral("test URL:"));
    QVERIFY(root.value(QStringLiteral("drill")).isNull());
    auto *message = child<MessageBar>(&view, "monitorMessage");
    QCOMPARE(message->type(), MessageBar::Positive);
    QVERIFY(message->text().startsWith(QStringLiteral("Exported")));
}

void TestMonitorView::exportToUnwritableFolderSaysWhy()
{
    MonitorView view;
    const Status written = view.exportTo(QStringLiteral("/nonexistent-folder/run.json"), true);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind, Error::Kind::Io);
    const QString error = written.error().message;
    QVERIFY(error.startsWith(QStringLiteral("Could not write /nonexistent-folder/run.json")));
    QVERIFY(error.endsWith(QStringLiteral("Choose a folder you can write to.")));
    QCOMPARE(child<MessageBar>(&view, "monitorMessage")->text(), error);
}

void TestMonitorView::drillOnlyInSandbox()
{
    qputenv("CLEARDB_SANDBOX_SCRIPT", QByteArray(CLEARDB_SOURCE_DIR "/scripts/sandbox/cluster.sh"));
    MonitorView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *button = child<QPushButton>(&view, "runDrillButton");
    QVERIFY(!button->isVisible());
    QVERIFY(!child<QAction>(&view, "runDrillAction")->isEnabled());
    view.runDrill(); // outside the sandbox it never kills anything
    QVERIFY(!view.isDrilling());
    view.setSandboxMode(true);
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    view.setSandboxMode(false);
    QVERIFY(!button->isVisible());
}

void TestMonitorView::drillRunsWhileMonitoringAndCancels()
{
    // An empty sandbox directory: the drill finds no cluster, so nothing real is ever killed here.
    QTemporaryDir sandboxDir;
    qputenv("CLEARDB_SANDBOX_SCRIPT", QByteArray(CLEARDB_SOURCE_DIR "/scripts/sandbox/cluster.sh"));
    qputenv("CLEARDB_SANDBOX_DIR", QFile::encodeName(sandboxDir.path()));
    MonitorView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setSandboxMode(true);
    view.setDatabaseUrl(Secret(QStringLiteral("mysql://u:Drill-Secret-3@127.0.0.1:%1/db").arg(closedPort())),
                        QStringLiteral("test URL:"));
    view.setIntervalMs(100);
    auto *drill = child<QAction>(&view, "runDrillAction");
    auto *cancel = child<QAction>(&view, "cancelDrillAction");
    auto *cancelButton = child<QPushButton>(&view, "cancelDrillButton");
    QVERIFY(!cancel->isEnabled());
    view.start();
    QVERIFY(view.isRunning());
    // The drill watches with its own monitor: the user's watch does not block it.
    QVERIFY(drill->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(view.chart()->sampleCount() >= 2, 10000);

    drill->trigger();
    QVERIFY(view.isDrilling());
    QVERIFY(view.isRunning());
    QVERIFY(!drill->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(cancelButton->isVisible());
    QVERIFY(cancelButton->isEnabled());
    QSignalSpy finished(&view, &MonitorView::drillFinished);
    QTest::mouseClick(cancelButton, Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!view.isDrilling());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(drill->isEnabled());
    const QString message = child<MessageBar>(&view, "monitorMessage")->text();
    QVERIFY2(message.contains(QStringLiteral("cancelled")), qPrintable(message));
    // Back on the user's own watch, with everything it recorded meanwhile.
    QVERIFY(view.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(view.monitor()->samples().size() >= 4, 10000);
    QCOMPARE(view.chart()->sampleCount(), int(view.monitor()->samples().size()));
    view.stop();
    qunsetenv("CLEARDB_SANDBOX_DIR");
}

QTEST_MAIN(TestMonitorView)
#include "tst_monitorview.moc"
