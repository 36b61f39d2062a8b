// SPDX-License-Identifier: MIT
#include "monitoring/MonitorView.h"

#include "credentials/SecretRedactor.h"
#include "monitor/FailoverDrill.h"
#include "monitor/FailoverMonitor.h"
#include "monitoring/LatencyChart.h"
#include "monitoring/MastersBar.h"
#include "monitoring/MonitorEventList.h"
#include "monitoring/MonitorEventModel.h"
#include "monitoring/MonitorExport.h"
#include "monitoring/SandboxDrillRunner.h"
#include "probe/UrlProbeTarget.h"
#include "widgets/MessageBar.h"
#include "widgets/ShortcutAction.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QPushButton *makeButton(QWidget *owner, QAction *action, const QString &name)
{
    auto *button = new QPushButton(action->icon(), action->text(), owner);
    button->setObjectName(name);
    button->setAccessibleName(action->text());
    button->setToolTip(shortcutTip(action->text(), action->shortcut()));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}
} // namespace

MonitorView::MonitorView(QWidget *parent)
    : QWidget(parent), m_monitor(new FailoverMonitor(nullptr, this)), m_events(new MonitorEventModel(this)),
      m_chart(new LatencyChart(this)), m_masters(new MastersBar(m_monitor, this)), m_source(new QLabel(this)),
      m_url(new QLineEdit(this)), m_interval(new QSpinBox(this)), m_mode(new QComboBox(this)),
      m_status(new QLabel(this)), m_message(new MessageBar(this)),
      m_eventList(new MonitorEventList(m_events, this))
{
    setObjectName(QStringLiteral("monitorView"));
    m_drills = new SandboxDrillRunner(this);
    setAccessibleName(tr("Monitor"));
    m_source->setObjectName(QStringLiteral("monitorUrlSource"));
    m_source->setText(tr("Database URL to watch (select an app, or paste any MySQL database URL):"));
    m_source->setBuddy(m_url);
    m_source->setWordWrap(true);
    m_url->setObjectName(QStringLiteral("monitorUrl"));
    m_url->setAccessibleName(tr("Database URL to watch"));
    m_url->setEchoMode(QLineEdit::Password);
    m_url->setPlaceholderText(tr("mysql://user:password@host/database"));
    connect(m_url, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_masters->setRoutedUrl(Secret(text.trimmed())); });
    connect(m_url, &QLineEdit::textEdited, this, [this] {
        m_source->setText(tr("Pasted database URL:"));
        m_app.clear();
    });

    m_interval->setObjectName(QStringLiteral("monitorInterval"));
    m_interval->setAccessibleName(tr("Probe interval"));
    m_interval->setRange(FailoverMonitor::kMinIntervalMs, FailoverMonitor::kMaxIntervalMs);
    m_interval->setSingleStep(100);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setValue(m_monitor->intervalMs());
    connect(m_interval, &QSpinBox::valueChanged, m_monitor, &FailoverMonitor::setIntervalMs);
    m_mode->setObjectName(QStringLiteral("monitorMode"));
    m_mode->setAccessibleName(tr("Connection mode"));
    m_mode->addItem(tr("New connection per probe"), int(FailoverMonitor::Mode::NewConnection));
    m_mode->addItem(tr("One persistent connection"), int(FailoverMonitor::Mode::Persistent));
    m_mode->setToolTip(tr("A new connection sees what a starting app sees; a persistent one what a pooled "
                          "connection sees (it notices a failover only when it breaks)."));

    m_startAction = makeViewShortcutAction({QStringLiteral("startMonitorAction"), tr("Start monitor"),
                                            QString(), QKeySequence(Qt::CTRL | Qt::Key_M),
                                            QStringLiteral(":/icons/monitor-start.svg")},
                                           this);
    m_stopAction = makeViewShortcutAction({QStringLiteral("stopMonitorAction"), tr("Stop monitor"), QString(),
                                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                                           QStringLiteral(":/icons/monitor-stop.svg")},
                                          this);
    m_exportCsvAction =
        makeViewShortcutAction({QStringLiteral("exportCsvAction"), tr("Export CSV…"), QString(),
                                QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral(":/icons/export.svg")},
                               this);
    m_exportJsonAction = makeViewShortcutAction({QStringLiteral("exportJsonAction"), tr("Export JSON…"),
                                                 QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                                 QStringLiteral(":/icons/export.svg")},
                                                this);
    m_drillAction = makeViewShortcutAction({QStringLiteral("runDrillAction"), tr("Run failover drill"),
                                            QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                            QStringLiteral(":/icons/drill.svg")},
                                           this);
    m_cancelDrillAction = makeViewShortcutAction({QStringLiteral("cancelDrillAction"), tr("Cancel drill"),
                                                  QString(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
                                                  QStringLiteral(":/icons/monitor-stop.svg")},
                                                 this);
    connect(m_startAction, &QAction::triggered, this, &MonitorView::start);
    connect(m_stopAction, &QAction::triggered, this, &MonitorView::stop);
    connect(m_exportCsvAction, &QAction::triggered, this, [this] { chooseExportFile(false); });
    connect(m_exportJsonAction, &QAction::triggered, this, [this] { chooseExportFile(true); });
    connect(m_drillAction, &QAction::triggered, this, &MonitorView::runDrill);
    connect(m_cancelDrillAction, &QAction::triggered, this, &MonitorView::cancelDrill);
    m_startButton = makeButton(this, m_startAction, QStringLiteral("monitorStart"));
    auto *stopButton = makeButton(this, m_stopAction, QStringLiteral("monitorStop"));
    // One button with both formats keeps the row narrow enough for a 1000-pixel window.
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setText(tr("Export"));
    exportButton->setAccessibleName(tr("Export samples and events"));
    exportButton->setIcon(m_exportCsvAction->icon());
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addActions({m_exportCsvAction, m_exportJsonAction});
    exportButton->setMenu(exportMenu);
    m_drillButton = makeButton(this, m_drillAction, QStringLiteral("runDrillButton"));
    m_drillButton->setVisible(false);
    m_cancelDrillButton = makeButton(this, m_cancelDrillAction, QStringLiteral("cancelDrillButton"));
    m_cancelDrillButton->setVisible(false);
    m_cancelDrillButton->setToolTip(tr("Stop the drill; a primary it already killed is started again."));
    connect(m_startAction, &QAction::enabledChanged, m_startButton, &QWidget::setEnabled);
    connect(m_stopAction, &QAction::enabledChanged, stopButton, &QWidget::setEnabled);
    connect(m_exportCsvAction, &QAction::enabledChanged, exportButton, &QWidget::setEnabled);
    connect(m_drillAction, &QAction::enabledChanged, m_drillButton, &QWidget::setEnabled);
    connect(m_cancelDrillAction, &QAction::enabledChanged, m_cancelDrillButton, &QWidget::setEnabled);

    m_status->setObjectName(QStringLiteral("monitorStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("monitorMessage"));
    m_message->hideMessage();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(m_url);
    // Settings and buttons on two rows: one row needs more width than the view gets beside the app
    // list at the default window size, and the window would grow (or the app list shrink) for it.
    auto *settings = new QHBoxLayout;
    auto *intervalLabel = new QLabel(tr("&Interval:"), this);
    intervalLabel->setBuddy(m_interval);
    auto *modeLabel = new QLabel(tr("M&ode:"), this);
    modeLabel->setBuddy(m_mode);
    for (QWidget *w : {static_cast<QWidget *>(intervalLabel), static_cast<QWidget *>(m_interval),
                       static_cast<QWidget *>(modeLabel), static_cast<QWidget *>(m_mode)})
        settings->addWidget(w);
    settings->addStretch(1);
    layout->addLayout(settings);
    layout->addWidget(m_masters);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_startButton);
    controls->addWidget(stopButton);
    controls->addStretch(1);
    controls->addWidget(exportButton);
    controls->addWidget(m_drillButton);
    controls->addWidget(m_cancelDrillButton);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(m_status);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("monitorSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_chart);
    split->addWidget(m_eventList);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    attach(m_monitor);
    connect(m_drills, &SandboxDrillRunner::monitorStarted, this, &MonitorView::attach);
    connect(m_drills, &SandboxDrillRunner::progressed, this, [this](const QString &step) {
        m_message->showMessage(tr("Failover drill: %1").arg(step), MessageBar::Information);
    });
    connect(m_drills, &SandboxDrillRunner::finished, this, &MonitorView::onDrillFinished);
    connect(m_masters, &MastersBar::messageRequested, m_message,
            [this](const QString &text, MessageBar::Type type) { m_message->showMessage(text, type); });
    m_status->setText(tr("Not running. Enter or select a database URL and press Start monitor (%1).")
                          .arg(m_startAction->shortcut().toString(QKeySequence::NativeText)));
    updateActions();
}

MonitorView::~MonitorView() = default;

QList<QAction *> MonitorView::viewActions() const
{
    return {m_startAction,      m_stopAction,  m_exportCsvAction,
            m_exportJsonAction, m_drillAction, m_cancelDrillAction};
}

void MonitorView::setDatabaseUrl(const Secret &url, const QString &source)
{
    if (isRunning())
        return; // never switch a running watch to another database behind the user's back
    // Another database's masters (another app selected) would be watched, and measured, for this one.
    if (url.reveal() != m_url->text())
        m_masters->setMasterUrls(Secret(), Secret());
    m_url->setText(url.reveal());
    m_source->setText(source);
}

void MonitorView::setAppName(const QString &app)
{
    if (!isRunning())
        m_app = app;
}

void MonitorView::setSandboxMode(bool sandbox)
{
    m_sandbox = sandbox;
    m_masters->setSandboxMode(sandbox);
    m_drillButton->setVisible(sandbox);
    m_cancelDrillButton->setVisible(sandbox);
    if (sandbox && !SandboxDrillRunner::isAvailable())
        m_drillButton->setToolTip(
            tr("The drill needs scripts/sandbox/cluster.sh; set CLEARDB_SANDBOX_SCRIPT to it."));
    updateActions();
}

bool MonitorView::isDrilling() const
{
    return m_drills->isRunning();
}

bool MonitorView::isRunning() const
{
    return m_monitor->isRunning();
}

void MonitorView::attach(FailoverMonitor *monitor)
{
    // Only one monitor feeds the chart and the list at a time: the user's own, or a drill's.
    if (m_shown && m_shown != monitor) {
        m_shown->disconnect(this);
        m_shown->disconnect(m_chart);
        m_shown->disconnect(m_events);
    }
    const bool connected = m_shown == monitor;
    m_shown = monitor;
    // What it recorded so far, so switching back to a watch that went on during a drill loses nothing.
    m_chart->clear();
    m_events->clear();
    const QList<MonitorSample> samples = monitor->samples();
    for (const MonitorSample &sample : samples)
        m_chart->addSample(sample);
    const QList<MonitorEvent> events = monitor->events();
    for (const MonitorEvent &event : events) {
        m_chart->addEvent(event);
        m_events->append(event);
    }
    if (connected)
        return;
    connect(monitor, &FailoverMonitor::sampleRecorded, this, &MonitorView::onSample);
    connect(monitor, &FailoverMonitor::eventRecorded, m_chart, &LatencyChart::addEvent);
    connect(monitor, &FailoverMonitor::eventRecorded, m_events, &MonitorEventModel::append);
}

void MonitorView::setIntervalMs(int ms)
{
    m_interval->setValue(ms);
}

void MonitorView::start()
{
    if (isRunning() || isDrilling())
        return;
    if (m_url->text().trimmed().isEmpty()) {
        m_message->showMessage(tr("Enter a database URL first, or select an app that has ClearDB."),
                               MessageBar::Warning);
        return;
    }
    const Result<ProbeTarget> parsed =
        UrlProbeTarget::fromText(m_url->text().trimmed(), FailoverDetector::routedTarget());
    if (!parsed) {
        m_message->showMessage(tr("This database URL cannot be used: %1").arg(parsed.error().oneLine()),
                               MessageBar::Error);
        return;
    }
    const ProbeTarget &target = parsed.value();
    SecretRedactor::registerSecret(target.password);
    m_message->hideMessage();
    m_drills->discard();
    m_chart->clear();
    m_events->clear();
    m_monitor->clearTargets();
    m_monitor->setTarget(FailoverDetector::routedTarget(), target);
    m_masters->applyTo(m_monitor);
    m_monitor->setMode(FailoverMonitor::Mode(m_mode->currentData().toInt()));
    m_monitor->setIntervalMs(m_interval->value());
    m_monitor->start();
    m_about = QJsonObject{{QStringLiteral("app"), m_app.isEmpty() ? QJsonValue() : QJsonValue(m_app)},
                          {QStringLiteral("source"), m_source->text()},
                          {QStringLiteral("drill"), QJsonValue()}};
    attach(m_monitor);
    m_masters->setWatching(true);
    m_status->setText(tr("Watching %1 every %2 ms…").arg(target.redacted()).arg(m_monitor->intervalMs()));
    updateActions();
    Q_EMIT runningChanged(true);
}

void MonitorView::stop()
{
    if (!isRunning())
        return;
    m_monitor->stop();
    m_masters->setWatching(false);
    m_status->setText(tr("Stopped after %n sample(s). Export keeps them; Start begins a new series.", nullptr,
                         int(m_monitor->samples().size())));
    updateActions();
    Q_EMIT runningChanged(false);
}

void MonitorView::onSample(const MonitorSample &sample)
{
    m_chart->addSample(sample);
    if (!isRunning() || isDrilling())
        return;
    m_status->setText(sample.ok ? tr("Last probe: %1 ms, answered by server %2.")
                                      .arg(sample.latencyMs, 0, 'f', 1)
                                      .arg(sample.serverId)
                                : tr("Last probe got no answer: %1").arg(sample.message));
}

void MonitorView::runDrill()
{
    if (!m_sandbox || isDrilling())
        return;
    const QString error = m_drills->start(m_interval->value());
    if (!error.isEmpty()) {
        m_message->showMessage(error, MessageBar::Error);
        return;
    }
    m_status->setText(tr("Failover drill running on the sandbox cluster…"));
    updateActions();
}

void MonitorView::cancelDrill()
{
    m_drills->cancel();
}

void MonitorView::onDrillFinished(const DrillResult &result)
{
    if (result.ok()) {
        m_message->showMessage(
            tr("Failover drill finished: failover detected %1 ms after the primary was killed, "
               "failback %2 ms after it answered again.")
                .arg(result.failoverDetectMs, 0, 'f', 0)
                .arg(result.failbackDetectMs, 0, 'f', 0),
            MessageBar::Positive);
    } else {
        m_message->showMessage(tr("Failover drill failed: %1").arg(result.error().oneLine()),
                               MessageBar::Error);
    }
    if (!isRunning())
        m_about = QJsonObject{{QStringLiteral("app"), QJsonValue()},
                              {QStringLiteral("source"), QStringLiteral("sandbox cluster")},
                              {QStringLiteral("drill"), result.toJson()}};
    if (isRunning()) {
        attach(m_monitor);
        m_status->setText(tr("Drill over. The chart shows your watch again."));
    } else {
        m_status->setText(tr("Drill over. Its samples stay on the chart until you start the monitor."));
    }
    updateActions();
    Q_EMIT drillFinished(result);
}

void MonitorView::chooseExportFile(bool json)
{
    // Not QFileDialog::getSaveFileName(): that runs a nested event loop.
    QFileDialog *dialog = MonitorExport::saveDialog(this, json);
    connect(dialog, &QFileDialog::fileSelected, this,
            // The view shows how the export went.
            [this, json](const QString &path) { static_cast<void>(exportTo(path, json)); });
    dialog->open();
}

Status MonitorView::exportTo(const QString &path, bool json)
{
    const FailoverMonitor *source = m_shown ? m_shown.data() : m_monitor;
    const Status written = MonitorExport::write(*source, m_about, path, json);
    if (!written) {
        m_message->showMessage(written.error().message, MessageBar::Error);
        return written;
    }
    const int samples = int(source->samples().size());
    m_message->showMessage(samples == 1 ? tr("Exported 1 sample to %1.").arg(path)
                                        : tr("Exported %1 samples to %2.").arg(samples).arg(path),
                           MessageBar::Positive);
    return {};
}

void MonitorView::updateActions()
{
    const bool running = isRunning();
    const bool drilling = isDrilling();
    m_startAction->setEnabled(!running && !drilling);
    m_stopAction->setEnabled(running);
    m_exportCsvAction->setEnabled(!drilling);
    m_exportJsonAction->setEnabled(!drilling);
    m_drillAction->setEnabled(m_sandbox && !drilling && SandboxDrillRunner::isAvailable());
    m_cancelDrillAction->setEnabled(drilling);
    // Starting a watch would take the chart from the drill; say so instead of a silent grey button.
    m_startButton->setToolTip(drilling ? tr("Start the monitor after the failover drill (or cancel it).")
                                       : m_startButton->accessibleName() +
                                             QStringLiteral(" (%1)").arg(m_startAction->shortcut().toString(
                                                 QKeySequence::NativeText)));
    m_url->setReadOnly(running || drilling);
    m_mode->setEnabled(!running && !drilling);
}
