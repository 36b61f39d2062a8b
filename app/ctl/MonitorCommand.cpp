// SPDX-License-Identifier: MIT
#include "MonitorCommand.h"

#include "InterruptNotifier.h"
#include "SecretArgument.h"
#include "credentials/SecretRedactor.h"
#include "monitor/FailoverMonitor.h"
#include "monitor/MonitorReport.h"
#include "probe/SqlWorkerThread.h"
#include "probe/UrlProbeTarget.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <algorithm>

namespace {
double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, int(p * (values.size() - 1) + 0.5)));
}
} // namespace

MonitorCommand::~MonitorCommand()
{
    // Deleting it quits its worker threads; a worker still closing a MySQL connection while the process
    // unloads the driver would crash at exit.
    delete m_monitor;
    SqlWorkerThread::waitForFinishedThreads(5000);
}

QString MonitorCommand::details() const
{
    return QStringLiteral(
               "Modes: new (a fresh connection per probe, as a new request sees it) or persistent (one\n"
               "connection reused, as a pooled one sees it). --primary/--secondary watch a dedicated\n"
               "cluster's masters beside the routed URL. Without --duration it runs until Ctrl-C.\n"
               "Every URL may be - (read from stdin) or env:NAME (read from that environment variable), "
               "which\n"
               "keeps its password out of the process list; --app APP reads the app's config var instead.\n"
               "--canary measures replication lag, and WRITES to your database: through the primary it "
               "creates\n"
               "the table %1 (if missing) in the --primary URL's database, inserts one row, times\n"
               "until that row can be read on the secondary, then deletes it. No other table is read or "
               "written.\n"
               "Giving --canary is your consent. It needs --primary and --secondary; it measures at the "
               "start and\n"
               "then every --canary-interval seconds (default %2), printing a lag line (JSON: an event\n"
               "\"replication-lag\" with \"lagMs\", or \"canary-failed\" saying why).")
        .arg(CanaryWorker::tableName())
        .arg(FailoverMonitor::kDefaultCanaryIntervalMs / 1000);
}

void MonitorCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("The routed database URL."),
                                 QStringLiteral("[URL]"));
    parser.addOptions(DatabaseTargetArgument::options());
    parser.addOptions(
        {{QStringLiteral("interval"),
          QStringLiteral("Milliseconds between probes (default 1000, 100 to 60000)."), QStringLiteral("MS")},
         {QStringLiteral("duration"), QStringLiteral("Seconds to run (default: until Ctrl-C)."),
          QStringLiteral("S")},
         {QStringLiteral("mode"), QStringLiteral("new or persistent (default new)."), QStringLiteral("MODE")},
         {QStringLiteral("primary"), QStringLiteral("The primary master's own URL."), QStringLiteral("URL")},
         {QStringLiteral("secondary"), QStringLiteral("The secondary master's own URL."),
          QStringLiteral("URL")},
         {QStringLiteral("samples"), QStringLiteral("Also print every probe's sample.")},
         {QStringLiteral("canary"),
          QStringLiteral("Measure replication lag by writing a row to table %1 (consent; needs "
                         "--primary and --secondary).")
              .arg(CanaryWorker::tableName())},
         {QStringLiteral("canary-interval"),
          QStringLiteral("Seconds between canary measurements (default %1, 1 to 3600).")
              .arg(FailoverMonitor::kDefaultCanaryIntervalMs / 1000),
          QStringLiteral("S")}});
}

Status MonitorCommand::prepare(const QCommandLineParser &parser)
{
    const Status where = m_where.prepare(parser, out());
    if (!where)
        return where;
    const Result<int> interval = DatabaseTargetArgument::millisecondsOption(
        parser, QStringLiteral("interval"), FailoverMonitor::kMinIntervalMs, m_intervalMs);
    if (!interval)
        return interval.error();
    m_intervalMs = interval.value();
    if (m_intervalMs > FailoverMonitor::kMaxIntervalMs)
        return usage(QStringLiteral("--interval must be at most %1 ms").arg(FailoverMonitor::kMaxIntervalMs));
    if (parser.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        m_durationS = parser.value(QStringLiteral("duration")).toInt(&ok);
        if (!ok || m_durationS < 1)
            return usage(QStringLiteral("--duration must be a whole number of seconds >= 1"));
    }
    const QString mode = parser.value(QStringLiteral("mode"));
    if (!mode.isEmpty() && mode != QLatin1String("new") && mode != QLatin1String("persistent"))
        return usage(QStringLiteral("--mode must be new or persistent"));
    m_persistent = mode == QLatin1String("persistent");
    m_printSamples = parser.isSet(QStringLiteral("samples"));
    if (parser.isSet(QStringLiteral("primary")) != parser.isSet(QStringLiteral("secondary")))
        return usage(QStringLiteral("--primary and --secondary go together"));
    m_canary = parser.isSet(QStringLiteral("canary"));
    if (m_canary && !parser.isSet(QStringLiteral("primary")))
        return usage(QStringLiteral("--canary needs --primary URL and --secondary URL: it writes through "
                                    "the primary and reads on the secondary, which the routed URL cannot "
                                    "tell apart"));
    if (parser.isSet(QStringLiteral("canary-interval"))) {
        if (!m_canary)
            return usage(QStringLiteral("--canary-interval goes with --canary"));
        bool ok = false;
        m_canaryIntervalS = parser.value(QStringLiteral("canary-interval")).toInt(&ok);
        if (!ok || m_canaryIntervalS < FailoverMonitor::kMinCanaryIntervalMs / 1000 ||
            m_canaryIntervalS > FailoverMonitor::kMaxCanaryIntervalMs / 1000)
            return usage(QStringLiteral("--canary-interval must be a whole number of seconds from %1 to %2")
                             .arg(FailoverMonitor::kMinCanaryIntervalMs / 1000)
                             .arg(FailoverMonitor::kMaxCanaryIntervalMs / 1000));
    }
    // Like the routed URL: `-`, env:NAME, or a literal that warns (SecretArgument).
    for (const auto &[option, url] : {std::pair{QStringLiteral("primary"), &m_primaryUrl},
                                      std::pair{QStringLiteral("secondary"), &m_secondaryUrl}}) {
        if (!parser.isSet(option))
            continue;
        const QString argument = parser.value(option);
        const QString what = QStringLiteral("the --%1 URL").arg(option);
        const Result<QString> resolved = SecretArgument::resolve(argument, what);
        if (!resolved)
            return resolved.error();
        *url = resolved.value().trimmed();
        if (SecretArgument::isLiteral(argument) && SecretRedactor::redactValue(QString(), *url) != *url)
            out().warning(SecretArgument::literalWarning(what, DatabaseTargetArgument::urlSafeForms()));
        const Result<ProbeTarget> parsed = UrlProbeTarget::fromText(*url);
        if (!parsed)
            return parsed.error();
    }
    return {};
}

void MonitorCommand::start()
{
    m_where.resolve(client(), this, [this](const Result<ProbeTarget> &resolved) {
        if (!resolved)
            return context()->fail(resolved.error());
        const ProbeTarget &routed = resolved.value();
        m_monitor = new FailoverMonitor(nullptr, this);
        m_monitor->setIntervalMs(m_intervalMs);
        m_monitor->setMode(m_persistent ? FailoverMonitor::Mode::Persistent
                                        : FailoverMonitor::Mode::NewConnection);
        m_monitor->setTarget(FailoverDetector::routedTarget(), routed);
        QString canaryDatabase;
        if (!m_primaryUrl.isEmpty()) {
            // Both URLs were checked in prepare().
            ProbeTarget t = UrlProbeTarget::fromText(m_primaryUrl).valueOr(ProbeTarget());
            t.timeoutMs = routed.timeoutMs;
            canaryDatabase = t.database;
            m_monitor->setTarget(FailoverDetector::primaryTarget(), t);
            t = UrlProbeTarget::fromText(m_secondaryUrl).valueOr(ProbeTarget());
            t.timeoutMs = routed.timeoutMs;
            m_monitor->setTarget(FailoverDetector::secondaryTarget(), t);
        }
        if (m_canary) {
            // --canary was the consent; say exactly what it writes before the first row goes out (on
            // stderr with --json too: a script's log keeps it).
            out().notice(QStringLiteral("Canary: every %1 s, writes one row to table %2 in database %3 "
                                        "through the primary and deletes it once the secondary has it")
                             .arg(m_canaryIntervalS)
                             .arg(CanaryWorker::tableName(), canaryDatabase));
            m_monitor->setCanaryConsent(true);
            m_monitor->setCanaryIntervalMs(m_canaryIntervalS * 1000);
        }
        connect(m_monitor, &FailoverMonitor::sampleRecorded, this, &MonitorCommand::onSample);
        connect(m_monitor, &FailoverMonitor::eventRecorded, this, &MonitorCommand::onEvent);
        auto *interrupt = new InterruptNotifier(this);
        connect(interrupt, &InterruptNotifier::interrupted, this, &MonitorCommand::finish);
        if (m_durationS > 0)
            QTimer::singleShot(m_durationS * 1000, this, &MonitorCommand::finish);
        out().progress(QStringLiteral("Monitoring %1 every %2 ms (%3 connections)%4")
                           .arg(m_where.description())
                           .arg(m_intervalMs)
                           .arg(m_persistent ? QStringLiteral("persistent") : QStringLiteral("new"))
                           .arg(m_durationS > 0 ? QStringLiteral(" for %1 s").arg(m_durationS)
                                                : QStringLiteral("; Ctrl-C ends")));
        m_monitor->start();
    });
}

void MonitorCommand::onSample(const MonitorSample &s)
{
    ++m_samples;
    if (s.ok) {
        m_latencies.append(s.latencyMs);
        if (s.target == FailoverDetector::routedTarget())
            ++m_answersByServer[s.serverId];
    } else {
        ++m_failedSamples;
    }
    if (!m_printSamples)
        return;
    if (json()) {
        QJsonObject o = QJsonDocument::fromJson(MonitorReport::toJson({s}, {}))
                            .object()
                            .value(QStringLiteral("samples"))
                            .toArray()
                            .at(0)
                            .toObject();
        o.insert(QStringLiteral("type"), QStringLiteral("sample"));
        out().dataLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        return;
    }
    out().line(QStringLiteral("%1  %2  %3")
                   .arg(MonitorReport::isoTime(s.atMs), s.target.leftJustified(9),
                        s.ok ? QStringLiteral("server %1  %2 ms").arg(s.serverId).arg(s.latencyMs, 0, 'f', 1)
                             : s.message));
}

void MonitorCommand::onEvent(const MonitorEvent &e)
{
    ++m_eventCounts[e.kindName()];
    if (e.kind == MonitorEvent::Kind::ReplicationLag)
        m_lags.append(e.lagMs);
    if (json()) {
        QJsonObject o = QJsonDocument::fromJson(MonitorReport::toJson({}, {e}))
                            .object()
                            .value(QStringLiteral("events"))
                            .toArray()
                            .at(0)
                            .toObject();
        o.insert(QStringLiteral("type"), QStringLiteral("event"));
        out().dataLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        return;
    }
    if (e.kind == MonitorEvent::Kind::ReplicationLag) {
        out().line(QStringLiteral("%1  REPLICATION-LAG  %2 ms  server %3 -> %4")
                       .arg(MonitorReport::isoTime(e.atMs))
                       .arg(e.lagMs, 0, 'f', 1)
                       .arg(e.fromServerId)
                       .arg(e.toServerId));
        return;
    }
    QString line = MonitorReport::isoTime(e.atMs) + QStringLiteral("  ") + e.kindName().toUpper() +
                   QStringLiteral("  ") + e.target;
    if (e.fromServerId >= 0 || e.toServerId >= 0)
        line += QStringLiteral("  server %1 -> %2").arg(e.fromServerId).arg(e.toServerId);
    if (!e.detail.isEmpty())
        line += QStringLiteral("  (") + e.detail + QLatin1Char(')');
    out().line(line);
}

void MonitorCommand::finish()
{
    if (context()->hasExited())
        return;
    m_monitor->stop();
    const int failovers = m_eventCounts.value(QStringLiteral("failover"));
    const int failbacks = m_eventCounts.value(QStringLiteral("failback"));
    const int canaryFailures = m_eventCounts.value(QStringLiteral("canary-failed"));
    if (json()) {
        QJsonObject servers;
        for (auto it = m_answersByServer.constBegin(); it != m_answersByServer.constEnd(); ++it)
            servers.insert(QString::number(it.key()), it.value());
        QJsonObject summary{{QStringLiteral("type"), QStringLiteral("summary")},
                            {QStringLiteral("samples"), m_samples},
                            {QStringLiteral("failedSamples"), m_failedSamples},
                            {QStringLiteral("failovers"), failovers},
                            {QStringLiteral("failbacks"), failbacks},
                            {QStringLiteral("latencyP50Ms"), percentile(m_latencies, 0.5)},
                            {QStringLiteral("latencyP95Ms"), percentile(m_latencies, 0.95)},
                            {QStringLiteral("latencyMaxMs"), percentile(m_latencies, 1.0)},
                            {QStringLiteral("routedAnswersByServerId"), servers}};
        if (m_canary) {
            summary.insert(QStringLiteral("lagMeasurements"), int(m_lags.size()));
            summary.insert(QStringLiteral("lagFailures"), canaryFailures);
            summary.insert(QStringLiteral("lagP50Ms"), percentile(m_lags, 0.5));
            summary.insert(QStringLiteral("lagMaxMs"), percentile(m_lags, 1.0));
        }
        out().dataLine(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    } else {
        QStringList servers;
        for (auto it = m_answersByServer.constBegin(); it != m_answersByServer.constEnd(); ++it)
            servers << QStringLiteral("server %1: %2").arg(it.key()).arg(it.value());
        QList<QPair<QString, QString>> lines{
            {QStringLiteral("Samples"), QStringLiteral("%1 (%2 failed)").arg(m_samples).arg(m_failedSamples)},
            {QStringLiteral("Failovers"), QString::number(failovers)},
            {QStringLiteral("Failbacks"), QString::number(failbacks)},
            {QStringLiteral("Latency"), QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms")
                                            .arg(percentile(m_latencies, 0.5), 0, 'f', 1)
                                            .arg(percentile(m_latencies, 0.95), 0, 'f', 1)
                                            .arg(percentile(m_latencies, 1.0), 0, 'f', 1)},
            {QStringLiteral("Routed answers"), servers.join(QStringLiteral(", "))}};
        if (m_canary)
            lines.append({QStringLiteral("Replication lag"),
                          QStringLiteral("%1 measured (%2 failed), p50 %3 ms, max %4 ms")
                              .arg(m_lags.size())
                              .arg(canaryFailures)
                              .arg(percentile(m_lags, 0.5), 0, 'f', 1)
                              .arg(percentile(m_lags, 1.0), 0, 'f', 1)});
        out().keyValues(lines);
    }
    context()->succeed();
}
