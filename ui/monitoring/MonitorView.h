// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"
#include "monitor/DrillResult.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class FailoverMonitor;
class LatencyChart;
class MastersBar;
class MessageBar;
class MonitorEventList;
class MonitorEventModel;
class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SandboxDrillRunner;
struct MonitorEvent;
struct MonitorSample;

// The Monitor view: watches a database URL for failover with FailoverMonitor — start/stop, the interval
// (100 ms to 60 s), new connection per probe or one persistent connection — and shows the samples on
// a live LatencyChart and the failover/failback/outage events in a list. Export writes the monitor's
// own CSV and JSON (MonitorReport), which carry no credentials. In the sandbox, "Run failover drill"
// runs FailoverDrill against the local cluster (it kills the primary, so never elsewhere) and shows
// the drill's samples and events live, then its detection times. A dedicated cluster's two masters can
// be watched beside the routed URL (MastersBar: "Watch masters…"), each with its own series on the chart;
// with both, "Measure replication lag" runs the canary after the user's explicit consent, and its
// measurements join the chart and the event list. The drill watches with its own
// monitor, so it may run while the user's watch goes on (the chart shows the drill meanwhile and the
// user's watch again afterwards); Cancel stops it and restarts a primary it already killed.
// All database work happens in the monitor's worker threads; the view only reacts to signals.
//
//     view->setDatabaseUrl(Secret(url), tr("CLEARDB_DATABASE_URL of my-app"));
//     view->start();
class MonitorView : public QWidget
{
    Q_OBJECT
public:
    explicit MonitorView(QWidget *parent = nullptr);
    ~MonitorView() override;

    void setDatabaseUrl(const Secret &url, const QString &source);
    // The app whose URL setDatabaseUrl() gave (named in the JSON export); a pasted URL clears it.
    void setAppName(const QString &app);
    // Offers the drill when `sandbox` is true and scripts/sandbox/cluster.sh can be found.
    void setSandboxMode(bool sandbox);
    void setIntervalMs(int ms);
    void start();
    void stop();
    bool isRunning() const;
    bool isDrilling() const;
    void runDrill();
    // Stops a running drill; a primary it already killed is started again.
    void cancelDrill();
    // Writes the samples with their events (CSV: FILE, and the events alone in FILE-events.csv) or
    // samples, events, what was watched and a drill's summary (JSON) to `path`;
    // on failure the error is also shown in the view.
    Status exportTo(const QString &path, bool json);

    FailoverMonitor *monitor() const { return m_monitor; }
    MonitorEventModel *eventModel() const { return m_events; }
    LatencyChart *chart() const { return m_chart; }
    MastersBar *mastersBar() const { return m_masters; }
    QList<QAction *> viewActions() const;

Q_SIGNALS:
    void runningChanged(bool running);
    void drillFinished(const DrillResult &result);

private:
    void attach(FailoverMonitor *monitor);
    void onSample(const MonitorSample &sample);
    void onDrillFinished(const DrillResult &result);
    void chooseExportFile(bool json);
    void updateActions();

    FailoverMonitor *m_monitor;
    MonitorEventModel *m_events;
    LatencyChart *m_chart;
    MastersBar *m_masters;
    QLabel *m_source;
    QLineEdit *m_url;
    QSpinBox *m_interval;
    QComboBox *m_mode;
    QPushButton *m_startButton;
    QPushButton *m_drillButton;
    QPushButton *m_cancelDrillButton;
    QLabel *m_status;
    MessageBar *m_message;
    MonitorEventList *m_eventList;
    QAction *m_startAction;
    QAction *m_stopAction;
    QAction *m_exportCsvAction;
    QAction *m_exportJsonAction;
    QAction *m_drillAction;
    QAction *m_cancelDrillAction;
    SandboxDrillRunner *m_drills = nullptr;
    // The monitor whose data the chart, the list and the exports show: ours, or the drill's.
    QPointer<FailoverMonitor> m_shown;
    bool m_sandbox = false;
    QString m_app;
    // What the shown data came from, for the JSON export: fixed when a watch or a drill starts.
    QJsonObject m_about;
};
