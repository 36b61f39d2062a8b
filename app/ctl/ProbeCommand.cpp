// SPDX-License-Identifier: MIT
#include "ProbeCommand.h"

#include "probe/ConnectionProbe.h"
#include "probe/SqlWorkerThread.h"

#include <QCommandLineParser>
#include <QJsonDocument>

ProbeCommand::~ProbeCommand()
{
    // Deleting it quits its worker threads; a worker still closing a MySQL connection while the process
    // unloads the driver would crash at exit.
    delete m_probe;
    SqlWorkerThread::waitForFinishedThreads(5000);
}

QString ProbeCommand::details() const
{
    return QStringLiteral(
        "Arguments: a mysql:// URL (e.g. CLEARDB_DATABASE_URL's value; ssl-ca=FILE in it makes the\n"
        "TLS stage verify the server), or --app APP to read the app's config var. Give the URL as\n"
        "- (read from stdin) or env:NAME (read from that environment variable): a URL typed on the\n"
        "command line is visible to every local user in the process list.\n"
        "  cleardbctl probe env:CLEARDB_DATABASE_URL\n"
        "  heroku config:get CLEARDB_DATABASE_URL -a APP | cleardbctl probe -\n"
        "Exit codes: 0 every probe connected, 1 a probe failed (the stage is named), 2 usage.");
}

void ProbeCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("The database URL to probe: - (stdin) or env:NAME."),
                                 QStringLiteral("[URL]"));
    parser.addOptions(DatabaseTargetArgument::options());
    parser.addOption({QStringLiteral("count"),
                      QStringLiteral("Number of probes, one after another (default 1)."),
                      QStringLiteral("N")});
}

Status ProbeCommand::prepare(const QCommandLineParser &parser)
{
    const Status where = m_where.prepare(parser, out());
    if (!where)
        return where;
    if (parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        m_count = parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || m_count < 1 || m_count > 100000)
            return usage(QStringLiteral("--count must be a whole number from 1 to 100000"));
    }
    return {};
}

void ProbeCommand::start()
{
    m_where.resolve(client(), this, [this](const Result<ProbeTarget> &target) {
        if (!target)
            return context()->fail(target.error());
        m_target = target.value();
        m_target.label = QStringLiteral("probe");
        m_probe = new ConnectionProbe(this);
        connect(m_probe, &ConnectionProbe::finished, this, &ProbeCommand::onFinished);
        if (!json())
            out().dataLine(QStringLiteral("Probing %1").arg(m_where.description()));
        next();
    });
}

void ProbeCommand::next()
{
    m_probe->start(m_target);
}

void ProbeCommand::onFinished(const ProbeResult &result)
{
    ++m_done;
    if (json())
        out().dataLine(QString::fromUtf8(QJsonDocument(result.toJson()).toJson(QJsonDocument::Compact)));
    else
        print(result);
    if (!result.ok() && m_failures++ == 0)
        m_firstError = result.error.toError();
    if (m_done < m_count)
        return next();
    if (m_failures == 0)
        return context()->succeed();
    if (m_count == 1)
        return context()->fail(m_firstError);
    Error summary = m_firstError;
    summary.message = QStringLiteral("%1 of %2 probes failed; first: %3")
                          .arg(m_failures)
                          .arg(m_count)
                          .arg(m_firstError.message);
    context()->fail(summary);
}

void ProbeCommand::print(const ProbeResult &r) const
{
    if (m_count > 1)
        out().line(QStringLiteral("probe %1 of %2").arg(m_done).arg(m_count));
    for (const StageTiming &t : r.stages)
        out().line(QStringLiteral("  %1 %2 ms  %3")
                       .arg(probeStageName(t.stage).leftJustified(9))
                       .arg(t.ms, 8, 'f', 2)
                       .arg(t.ok ? QStringLiteral("ok") : QStringLiteral("FAILED")));
    out().line(
        QStringLiteral("  %1 %2 ms").arg(QStringLiteral("total").leftJustified(9)).arg(r.totalMs, 8, 'f', 2));
    const ServerIdentity &s = r.server;
    if (s.answered)
        out().line(
            QStringLiteral("Server: server_id %1, hostname %2, version %3, read_only %4")
                .arg(s.serverId)
                .arg(s.hostname, s.version, s.readOnly ? QStringLiteral("ON") : QStringLiteral("OFF")));
    else if (!s.greetingVersion.isEmpty())
        out().line(QStringLiteral("Server: greeting from %1 (connection %2); not logged in")
                       .arg(s.greetingVersion)
                       .arg(s.connectionId));
    const TlsCard &tls = r.tls;
    if (tls.state != TlsCard::State::NotChecked) {
        out().line(QStringLiteral("TLS: %1").arg(tls.stateDescription()));
        if (tls.established()) {
            out().line(QStringLiteral("  protocol %1, cipher %2").arg(tls.protocol, tls.cipher));
            out().line(QStringLiteral("  subject  %1").arg(tls.subject));
            out().line(QStringLiteral("  issuer   %1").arg(tls.issuer));
            out().line(QStringLiteral("  expires  %1").arg(tls.notAfter.toUTC().toString(Qt::ISODate)));
        }
        for (const QString &e : tls.verificationErrors)
            out().line(QStringLiteral("  ") + e);
    }
    // With one probe the error line on stderr says it; with several, each failure is shown where it happened.
    if (!r.ok() && m_count > 1)
        out().line(QStringLiteral("Failed: ") + r.error.toString());
}
