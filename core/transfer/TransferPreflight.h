// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/PreflightFinding.h"
#include "transfer/PreflightRules.h"

#include <QList>
#include <QObject>
#include <QStringList>

class ClientQuery;

// Checks, before a copy or restore, whether it can work, asynchronously (read-only queries through
// ClientQuery children; the caller's thread never waits), and reports findings, each one line with a
// severity (PreflightFinding): the source's size against the target's quota, both server versions, the
// target user's privileges, binary logging that would refuse triggers and routines (ERROR 1419), and
// whether the target already holds something.
//
//     auto *check = new TransferPreflight(source, target, this);
//     check->setTargetQuotaBytes(ClearDbPlans::find(QStringLiteral("ignite"))->storageBytes());
//     connect(check, &TransferPreflight::finished, this, [=] {
//         for (const PreflightFinding &f : check->findings()) show(f);
//         if (!check->hasBlocker()) startCopy();
//     });
//     check->start();
//
// The size is honest rather than exact: information_schema's DATA_LENGTH lags behind a fresh load until
// ANALYZE TABLE, and we never write to the source, so each table counts as the larger of its statistics
// and its exact row count times the mean row size of a sample of up to SampleRows rows.
// A side that cannot be reached is itself a blocker finding; status() is an error only when cancelled.
class TransferPreflight : public QObject
{
    Q_OBJECT
public:
    TransferPreflight(const DatabaseEndpoint &source, const DatabaseEndpoint &target,
                      QObject *parent = nullptr);
    ~TransferPreflight() override;

    // 0: no quota known (the size is then only a note). See ClearDbPlan::storageBytes().
    void setTargetQuotaBytes(qint64 bytes) { m_quotaBytes = bytes; }
    // A restore: the source is a dump file holding about `sqlBytes` of SQL (DumpFileReader::
    // estimatedSqlBytes()), so only the target is queried, and the size is the file's.
    void setSourceDump(qint64 sqlBytes)
    {
        m_fromDump = true;
        m_dumpBytes = sqlBytes;
    }
    // The transfer will replace the target's contents: a non-empty target is then a warning, not a blocker.
    void setReplace(bool replace) { m_replace = replace; }

    void start();
    void cancel();
    // True until finished() went out, so whoever polls it finds the outcome reported once it is false.
    bool isRunning() const { return m_started && !m_reported; }
    const Status &status() const { return m_status; }
    const QList<PreflightFinding> &findings() const { return m_findings; }
    bool hasBlocker() const { return PreflightFinding::hasBlocker(m_findings); }
    qint64 estimatedSourceBytes() const { return m_estimatedBytes; }

    static constexpr int SampleRows = 1000;

Q_SIGNALS:
    void finished();

private:
    struct Table
    {
        QString name;
        qint64 statsRows = 0;
        qint64 statsBytes = 0;
        QStringList columns;
        qint64 exactRows = -1; // COUNT(*), once sampled
        qint64 sampledRows = 0;
        qint64 sampledBytes = 0;
    };

    void sourceAnswered();
    void targetAnswered();
    void runNextSample();
    void sampleAnswered();
    void maybeConclude();
    void finish(const Status &status);
    QStringList sampleBatches() const;

    DatabaseEndpoint m_source;
    DatabaseEndpoint m_target;
    qint64 m_quotaBytes = 0;
    bool m_replace = false;
    bool m_fromDump = false;
    qint64 m_dumpBytes = 0;
    ClientQuery *m_sourceQuery = nullptr;
    ClientQuery *m_targetQuery = nullptr;
    ClientQuery *m_sampleQuery = nullptr;
    QStringList m_pendingSamples;
    QList<Table> m_tables;
    PreflightRules::ServerVersion m_sourceVersion;
    PreflightRules::ServerVersion m_targetVersion;
    struct Binlog
    {
        bool logBin = false;
        bool trusted = false;
        bool super = false;
    } m_binlog;
    int m_sourceTriggers = 0;
    int m_sourceRoutines = 0;
    bool m_sourceOk = false;
    bool m_targetOk = false;
    bool m_sourceDone = false;
    bool m_targetDone = false;
    qint64 m_estimatedBytes = 0;
    QList<PreflightFinding> m_findings;
    QList<PreflightFinding> m_targetFindings;
    Status m_status;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false; // the outcome is decided
    bool m_reported = false; // and finished() went out
};
