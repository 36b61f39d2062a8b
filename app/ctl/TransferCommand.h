// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "transfer/DatabaseSpec.h"
#include "transfer/PreflightFinding.h"
#include "transfer/ResolvedDatabase.h"
#include "transfer/TransferProgress.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

class DatabaseSpecResolver;
class PlanQuotaLookup;
class TransferPreflight;

// What every `cleardbctl db …` subcommand shares: its SPEC options (--from/--to: app:APP, app:APP/VAR,
// env:NAME or a mysql:// URL, resolved by core's DatabaseSpecResolver), SIGINT/SIGTERM turned into
// a cancel of the running job, throttled progress (--json: one object per line on stdout; else a
// status line on stderr when it is a terminal) and the one summary at the end.
//
// A subclass declares its options in configure(), calls addSpec() in prepare() for each SPEC (a
// missing option is a usage error, exit 2; a SPEC that names nothing is a failure, exit 1, reported by
// start()), then runs its job in run() with the resolved databases in addSpec() order, reports
// progress with reportProgress() and ends with finish(). cancelJob() is called on the first interrupt.
class TransferCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    ~TransferCommand() override;

    bool needsToken() const override;
    void start() override;

protected:
    // The summary's "what" and the progress events' ("dump", "restore", "verify", "copy").
    virtual QString what() const = 0;
    virtual void run(const QList<ResolvedDatabase> &databases) = 0;
    virtual void cancelJob() = 0;

    // Reads SPEC option `option` (without dashes); a missing one is a usage error.
    Status addSpec(const QCommandLineParser &parser, const QString &option);
    static QString specHelp();
    // The SPEC given for the index-th addSpec() option (valid once run() was called).
    const DatabaseSpec &specAt(int index) const { return m_specs.at(index).value(); }
    void reportProgress(const TransferProgress &progress);
    // Before a copy or restore writes anything: the target plan's quota (when the SPEC at `targetIndex`
    // is an app's ClearDB: PlanQuotaLookup), then `check` with that quota (this command owns it). Its
    // findings are reported (--json: one {"type":"preflight"} object each; else warnings on stderr),
    // and `proceed` runs unless a blocker ends the command: "<blockers> Nothing was <done>; the target
    // is untouched.".
    void preflight(TransferPreflight *check, int targetIndex, const QString &done,
                   const std::function<void()> &proceed);
    // Stops the quota lookup or pre-flight in progress; false when neither runs.
    bool cancelPreflight();
    // The end: on success `fields` go into the --json summary and `summary` is printed for people;
    // on failure the summary carries the error too, and the error line goes to stderr (exit 1).
    void finish(const Status &status, QJsonObject fields, const QString &summary);
    bool interrupted() const { return m_interrupted; }
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }
    static QString bytesText(qint64 bytes);

private:
    void resolveNext();
    void onInterrupted();

    void reportFindings(const QList<PreflightFinding> &findings);

    PlanQuotaLookup *m_quota = nullptr;
    TransferPreflight *m_preflight = nullptr;
    QStringList m_options;
    QList<Result<DatabaseSpec>> m_specs;
    QList<ResolvedDatabase> m_resolved;
    DatabaseSpecResolver *m_resolver = nullptr;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_sinceProgress;
    bool m_running = false; // run() was called: cancelJob() then owns the interrupt
    bool m_interrupted = false;
    bool m_finished = false;
};
