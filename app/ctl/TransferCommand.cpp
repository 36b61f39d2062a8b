// SPDX-License-Identifier: MIT
#include "TransferCommand.h"

#include "InterruptNotifier.h"
#include "credentials/SecretRedactor.h"
#include "transfer/DatabaseSpecResolver.h"
#include "transfer/PlanQuotaLookup.h"
#include "transfer/TransferPreflight.h"

#include <QCommandLineParser>
#include <QLocale>

#include <utility>

namespace {
// At most four progress events a second: enough for a bar, little enough for a log.
constexpr int ProgressIntervalMs = 250;
} // namespace

TransferCommand::~TransferCommand()
{
    for (const ResolvedDatabase &database : std::as_const(m_resolved))
        SecretRedactor::unregisterSecret(database.endpoint.password);
}

QString TransferCommand::specHelp()
{
    return QStringLiteral(
        "SPEC is app:APP (the app's CLEARDB_DATABASE_URL), app:APP/VAR (another config var),\n"
        "env:NAME (a URL in environment variable NAME, which keeps the password out of the process\n"
        "list) or a mysql:// URL (works, but other local users can read its password with ps).\n"
        "Ctrl-C (SIGINT) or SIGTERM cancels cleanly. --json prints one JSON object per line on stdout:\n"
        "progress events, then a summary. Exit status: 0 success, 1 failure, 2 usage.");
}

Status TransferCommand::addSpec(const QCommandLineParser &parser, const QString &option)
{
    const QString text = parser.value(option);
    if (!parser.isSet(option) || text.trimmed().isEmpty())
        return usage(QStringLiteral("--%1 SPEC is required (%2)").arg(option, DatabaseSpec::forms()));
    const Result<DatabaseSpec> spec = DatabaseSpec::parse(text, QStringLiteral("--") + option);
    if (spec && spec.value().hasPasswordInText())
        out().warning(QStringLiteral("the password in --%1 is visible to other local users in the process "
                                     "list; put the URL in an environment variable and pass env:NAME instead")
                          .arg(option));
    m_options << option;
    m_specs << spec;
    return {};
}

bool TransferCommand::needsToken() const
{
    for (const Result<DatabaseSpec> &spec : m_specs) {
        if (spec && spec.value().needsHeroku())
            return true;
    }
    return false;
}

void TransferCommand::start()
{
    m_elapsed.start();
    auto *interrupt = new InterruptNotifier(this);
    connect(interrupt, &InterruptNotifier::interrupted, this, &TransferCommand::onInterrupted);
    // Every SPEC is checked before any is resolved: a mistake costs no request.
    for (const Result<DatabaseSpec> &spec : std::as_const(m_specs)) {
        if (!spec)
            return finish(spec.error(), {}, {});
    }
    m_resolver = new DatabaseSpecResolver(client(), this);
    connect(m_resolver, &DatabaseSpecResolver::resolved, this,
            [this](const Result<ResolvedDatabase> &database) {
                if (!database)
                    return finish(database.error(), {}, {});
                // Registered so that no line we print can carry it, whatever a child or server wrote.
                SecretRedactor::registerSecret(database.value().endpoint.password);
                m_resolved << database.value();
                resolveNext();
            });
    resolveNext();
}

void TransferCommand::resolveNext()
{
    if (m_resolved.size() < m_specs.size())
        return m_resolver->resolve(m_specs.at(m_resolved.size()).value());
    m_running = true;
    m_sinceProgress.start();
    run(m_resolved);
}

void TransferCommand::onInterrupted()
{
    if (m_finished)
        return;
    const bool first = !m_interrupted;
    m_interrupted = true;
    if (!m_running) {
        if (m_resolver)
            m_resolver->cancel();
        return finish(
            makeError(
                Error::Kind::Cancelled,
                QStringLiteral("%1 interrupted before it started: nothing was read or written").arg(what())),
            {}, {});
    }
    if (first)
        return cancelJob();
    // A second interrupt does not wait for the cancel: ending the program kills the job's children
    // (ClientProcess) and removes an uncommitted dump file (DumpFileWriter) on the way out.
    const bool loads = what() == QLatin1String("restore") || what() == QLatin1String("copy");
    finish(
        makeError(Error::Kind::Cancelled,
                  QStringLiteral("%1 interrupted twice: stopped without waiting%2")
                      .arg(what(), loads ? QStringLiteral("; the target may be partly loaded: run the same "
                                                          "command again with --replace to complete it")
                                         : QString())),
        {}, {});
}

void TransferCommand::reportProgress(const TransferProgress &progress)
{
    if (m_finished || m_sinceProgress.elapsed() < ProgressIntervalMs)
        return;
    m_sinceProgress.restart();
    if (json()) {
        out().jsonLine({{QStringLiteral("type"), QStringLiteral("progress")},
                        {QStringLiteral("what"), what()},
                        {QStringLiteral("bytesDone"), progress.bytesDone},
                        {QStringLiteral("bytesTotal"), progress.bytesTotal},
                        {QStringLiteral("tablesDone"), progress.tablesDone},
                        {QStringLiteral("tablesTotal"), progress.tablesTotal},
                        {QStringLiteral("currentTable"), progress.currentTable},
                        {QStringLiteral("elapsedMs"), elapsedMs()}});
        return;
    }
    // verify counts tables only.
    QString text = progress.bytesDone > 0
                       ? QStringLiteral("%1: %2").arg(what(), bytesText(progress.bytesDone))
                       : what() + QLatin1Char(':');
    // information_schema's sizes lag behind fresh loads: an estimate already passed is no help.
    if (progress.bytesTotal > progress.bytesDone)
        text += QStringLiteral(" of ~%1").arg(bytesText(progress.bytesTotal));
    if (progress.tablesTotal > 0)
        text += QStringLiteral(", table %1/%2").arg(progress.tablesDone).arg(progress.tablesTotal);
    if (!progress.currentTable.isEmpty())
        text += QStringLiteral(" `%1`").arg(progress.currentTable);
    out().terminalStatus(text);
}

void TransferCommand::preflight(TransferPreflight *check, int targetIndex, const QString &done,
                                const std::function<void()> &proceed)
{
    m_preflight = check;
    check->setParent(this);
    connect(check, &TransferPreflight::finished, this, [this, check, done, proceed] {
        if (const Status status = check->status(); !status)
            return finish(status, {}, {});
        reportFindings(check->findings());
        if (!check->hasBlocker())
            return proceed();
        QStringList blockers;
        for (const PreflightFinding &finding : check->findings()) {
            if (finding.severity == PreflightFinding::Severity::Blocker)
                blockers << finding.line;
        }
        finish(makeError(Error::Kind::Conflict,
                         blockers.join(QLatin1Char(' ')) +
                             QStringLiteral(" Nothing was %1; the target is untouched.").arg(done)),
               {}, {});
    });
    m_quota = new PlanQuotaLookup(client(), this);
    connect(m_quota, &PlanQuotaLookup::found, this, [this, check](qint64 quotaBytes) {
        PlanQuotaLookup *lookup = std::exchange(m_quota, nullptr);
        lookup->deleteLater();
        if (!lookup->reason().isEmpty())
            out().warning(QStringLiteral("the target's quota is not known: ") + lookup->reason());
        check->setTargetQuotaBytes(quotaBytes);
        check->start();
    });
    m_quota->lookUp(specAt(targetIndex));
}

bool TransferCommand::cancelPreflight()
{
    if (m_quota) {
        // Still asking the API for the target's plan: nothing has touched either database.
        m_quota->cancel();
        finish(makeError(Error::Kind::Cancelled,
                         QStringLiteral("Cancelled before anything began; the target is untouched.")),
               {}, {});
        return true;
    }
    if (m_preflight && m_preflight->isRunning()) {
        m_preflight->cancel(); // its finished() ends the command with the cancel
        return true;
    }
    return false;
}

void TransferCommand::reportFindings(const QList<PreflightFinding> &findings)
{
    for (const PreflightFinding &finding : findings) {
        if (json())
            out().jsonLine({{QStringLiteral("type"), QStringLiteral("preflight")},
                            {QStringLiteral("what"), what()},
                            {QStringLiteral("severity"), PreflightFinding::severityName(finding.severity)},
                            {QStringLiteral("message"), finding.line}});
        else if (finding.severity == PreflightFinding::Severity::Warning)
            out().warning(finding.line);
    }
}

void TransferCommand::finish(const Status &status, QJsonObject fields, const QString &summary)
{
    if (m_finished)
        return;
    m_finished = true;
    out().terminalStatus(QString());
    Error error = status ? Error() : status.error();
    // A terminal's Ctrl-C also reaches our mariadb children, which may die before our cancel: that is
    // still the user's interrupt, not a server's failure.
    if (!status && m_interrupted)
        error.kind = Error::Kind::Cancelled;
    if (json()) {
        fields.insert(QStringLiteral("type"), QStringLiteral("summary"));
        fields.insert(QStringLiteral("what"), what());
        fields.insert(QStringLiteral("ok"), status.ok());
        fields.insert(QStringLiteral("durationMs"), elapsedMs());
        if (!status) {
            fields.insert(QStringLiteral("error"), error.oneLine());
            fields.insert(QStringLiteral("errorKind"), Error::kindName(error.kind));
        }
        out().jsonLine(fields);
    } else if (status && !summary.isEmpty()) {
        out().line(summary);
    }
    if (!status)
        return context()->fail(error);
    context()->succeed();
}

QString TransferCommand::bytesText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
