// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeTarget.h"
#include "transfer/verify/VerifyReport.h"

#include <QObject>
#include <atomic>
#include <memory>

class SqlWorkerThread;
class VerifyWorker;

// Compares two databases (any two MySQL/MariaDB databases reachable by URL: turn each into a
// ProbeTarget with UrlProbeTarget) and names every table and object that differs, and how: missing
// from the target, only in the target, another definition, or other rows. Schema objects come from
// information_schema (SchemaCatalog, definers ignored); table contents from a digest computed by each
// server (TableDigest), not CHECKSUM TABLE, which differs for tables with generated columns after an
// exact reload. Read-only on both sides, inside a consistent snapshot.
//
//     auto *verifier = new DatabaseVerifier(this);
//     connect(verifier, &DatabaseVerifier::finished, this, [](const VerifyOutcome &o) {
//         if (!o.ok()) show(o.outcome.error().oneLine()); else if (!o.report.identical())
//         list(o.report.lines());
//     });
//     verifier->start(sourceTarget, targetTarget);
//
// The work runs in its own SqlWorkerThread, never on the caller's (GUI) thread; one verification at a
// time per object. cancel() stops between tables (finished() then carries a Cancelled error);
// destroying the verifier abandons the run without waiting.
class DatabaseVerifier : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseVerifier(QObject *parent = nullptr);
    ~DatabaseVerifier() override;

    // False (and nothing started) while a verification runs.
    bool start(const ProbeTarget &source, const ProbeTarget &target);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // After each table's digest: `done` of `total` tables both databases have.
    void progressed(const QString &table, int done, int total);
    void finished(const VerifyOutcome &outcome);

private:
    std::unique_ptr<SqlWorkerThread> m_thread;
    VerifyWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    bool m_running = false;
};
