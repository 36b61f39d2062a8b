// SPDX-License-Identifier: MIT
#include "DrillCommand.h"

#include "CommandOptions.h"
#include "DatabaseTargetArgument.h"
#include "SandboxOptions.h"
#include "monitor/FailoverDrill.h"
#include "monitor/MonitorReport.h"
#include "probe/SqlWorkerThread.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace {
// "error: drill failed: <the step's line>", keeping the step's kind for the exit path.
Error drillFailure(Error error)
{
    error.message = QStringLiteral("drill failed: ") + error.message;
    return error;
}
} // namespace

DrillCommand::~DrillCommand()
{
    // Deleting it quits its worker threads; a worker still closing a MySQL connection while the process
    // unloads the driver would crash at exit.
    delete m_drill;
    SqlWorkerThread::waitForFinishedThreads(5000);
}

void DrillCommand::configure(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("interval"),
                      QStringLiteral("Probe interval in milliseconds (default %1, %2 to %3).")
                          .arg(m_intervalMs)
                          .arg(FailoverMonitor::kMinIntervalMs)
                          .arg(FailoverDrill::kMaxIntervalMs),
                      QStringLiteral("MS")});
    parser.addOption({QStringLiteral("count"),
                      QStringLiteral("Number of drills, one after another (default 1)."),
                      QStringLiteral("N")});
    parser.addOptions(SandboxOptions::options());
}

Status DrillCommand::prepare(const QCommandLineParser &parser)
{
    const Result<int> interval = DatabaseTargetArgument::millisecondsOption(
        parser, QStringLiteral("interval"), FailoverMonitor::kMinIntervalMs, m_intervalMs);
    if (!interval)
        return interval.error();
    m_intervalMs = interval.value();
    if (m_intervalMs > FailoverDrill::kMaxIntervalMs)
        return usage(QStringLiteral("--interval must be at most %1 ms").arg(FailoverDrill::kMaxIntervalMs));
    if (parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        m_count = parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || m_count < 1 || m_count > 1000)
            return usage(QStringLiteral("--count must be a whole number from 1 to 1000"));
    }
    const Status tooMany = CommandOptions::tooManyArguments(parser, 0);
    if (!tooMany)
        return tooMany;
    const Result<SandboxOptions::Location> where = SandboxOptions::read(parser);
    if (!where)
        return where.error();
    m_sandbox = where.value();
    return {};
}

void DrillCommand::start()
{
    const Result<SandboxCluster *> made = SandboxOptions::makeCluster(m_sandbox, this);
    if (!made)
        return context()->fail(made.error());
    m_cluster = made.value();
    m_drill = new FailoverDrill(m_cluster, nullptr, this);
    m_drill->setIntervalMs(m_intervalMs);
    connect(m_drill, &FailoverDrill::progressed, this, [this](const QString &step) { out().progress(step); });
    connect(m_drill, &FailoverDrill::finished, this, &DrillCommand::onFinished);
    m_drill->start();
}

void DrillCommand::onFinished(const DrillResult &r)
{
    ++m_done;
    if (json()) {
        out().dataLine(QString::fromUtf8(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact)));
    } else {
        if (m_count > 1)
            out().line(QStringLiteral("drill %1 of %2").arg(m_done).arg(m_count));
        const auto ms = [](double v) {
            return v < 0 ? QStringLiteral("-") : QStringLiteral("%1 ms").arg(v, 0, 'f', 0);
        };
        for (const MonitorEvent &e : {r.failover, r.failback}) {
            if (e.atMs != 0)
                out().line(QStringLiteral("%1  %2 on %3: server %4 -> %5")
                               .arg(MonitorReport::isoTime(e.atMs), e.kindName(), e.target)
                               .arg(e.fromServerId)
                               .arg(e.toServerId));
        }
        out().keyValues({{QStringLiteral("Interval"), ms(r.intervalMs)},
                         {QStringLiteral("Kill -> failover event"), ms(r.failoverDetectMs)},
                         {QStringLiteral("Kill -> routed on secondary"), ms(r.routedFailoverMs)},
                         {QStringLiteral("Restart took"), ms(r.restartMs)},
                         {QStringLiteral("Restart -> re-synchronized"), ms(r.resyncMs)},
                         {QStringLiteral("Primary back -> failback event"), ms(r.failbackDetectMs)}});
    }
    if (!r.ok() && m_cluster->isBusy()) {
        // The drill restarts a killed primary after a failure; ending now would kill that restart.
        out().progress(QStringLiteral("waiting for the primary's restart to finish"));
        connect(m_cluster, &SandboxCluster::started, this,
                [this, error = drillFailure(r.error())] { context()->fail(error); });
        return;
    }
    if (!r.ok())
        return context()->fail(drillFailure(r.error()));
    if (m_done < m_count)
        return m_drill->start();
    context()->succeed();
}
