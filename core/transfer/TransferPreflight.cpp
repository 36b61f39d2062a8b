// SPDX-License-Identifier: MIT
#include "transfer/TransferPreflight.h"

#include "transfer/ClientQuery.h"
#include "transfer/TargetObjects.h"

#include <QSet>
#include <QTimer>

#include <algorithm>

namespace {
// Each query goes to the client as one --execute argument; Linux refuses a single argument over 128 KiB
// (MAX_ARG_STRLEN), so the samples go in batches well below it.
constexpr qsizetype MaxBatchChars = 32 * 1024;

const QString SourceSql = QStringLiteral(
    "SELECT 'version', VERSION(), @@version_comment;"
    "SELECT 'table', TABLE_NAME, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH, 0) + COALESCE(INDEX_LENGTH, "
    "0) "
    "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' "
    "ORDER BY TABLE_NAME;"
    "SELECT 'column', TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
    "DATABASE() "
    "ORDER BY TABLE_NAME, ORDINAL_POSITION;"
    "SELECT 'objects', (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()), "
    "(SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE());");

// information_schema names grantees 'user'@'host'; CURRENT_USER() is user@host. Only the login's own
// grants count (an administrator sees everyone's), database grants matched as the server does, with LIKE.
const QString Grantee = QStringLiteral("CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', "
                                       "SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')");
const QString TargetSql = QStringLiteral(
    "SELECT 'version', VERSION(), @@version_comment;"
    "SELECT 'binlog', @@log_bin, @@log_bin_trust_function_creators;"
    "SELECT 'priv', PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = %1 "
    "UNION ALL SELECT 'priv', PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = %1 "
    "AND DATABASE() LIKE TABLE_SCHEMA;%2");
} // namespace

TransferPreflight::TransferPreflight(const DatabaseEndpoint &source, const DatabaseEndpoint &target,
                                     QObject *parent)
    : QObject(parent), m_source(source), m_target(target)
{
}

TransferPreflight::~TransferPreflight() = default;

void TransferPreflight::start()
{
    if (m_started)
        return;
    m_started = true;
    m_targetQuery = new ClientQuery(m_target, TargetSql.arg(Grantee, TargetObjects::query()), this);
    connect(m_targetQuery, &ClientQuery::finished, this, &TransferPreflight::targetAnswered);
    if (m_fromDump) {
        m_sourceDone = true; // the file is the source: nothing to ask
    } else {
        m_sourceQuery = new ClientQuery(m_source, SourceSql, this);
        connect(m_sourceQuery, &ClientQuery::finished, this, &TransferPreflight::sourceAnswered);
        m_sourceQuery->start();
    }
    m_targetQuery->start();
}

void TransferPreflight::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    for (ClientQuery *query : {m_sourceQuery, m_targetQuery, m_sampleQuery}) {
        if (query)
            query->cancel();
    }
    finish(makeError(Error::Kind::Cancelled, QStringLiteral("Pre-flight check cancelled.")));
}

void TransferPreflight::sourceAnswered()
{
    ClientQuery *query = m_sourceQuery;
    m_sourceQuery = nullptr;
    query->deleteLater();
    if (m_cancelled)
        return;
    m_sourceOk = query->status().ok();
    if (!m_sourceOk) {
        m_findings << PreflightFinding{PreflightFinding::Severity::Blocker,
                                       query->status().error().oneLine()};
        m_sourceDone = true;
        maybeConclude();
        return;
    }
    for (const QStringList &row : query->rows()) {
        const QString tag = row.value(0);
        if (tag == QStringLiteral("version")) {
            m_sourceVersion = {row.value(1), row.value(2)};
        } else if (tag == QStringLiteral("table")) {
            m_tables.append({row.value(1), row.value(2).toLongLong(), row.value(3).toLongLong(), {}});
        } else if (tag == QStringLiteral("column")) {
            for (Table &table : m_tables) {
                if (table.name == row.value(1))
                    table.columns << row.value(2);
            }
        } else if (tag == QStringLiteral("objects")) {
            m_sourceTriggers = row.value(1).toInt();
            m_sourceRoutines = row.value(2).toInt();
        }
    }
    m_pendingSamples = sampleBatches();
    runNextSample();
}

QStringList TransferPreflight::sampleBatches() const
{
    QStringList batches;
    QString batch;
    for (int i = 0; i < m_tables.size(); ++i) {
        const Table &table = m_tables.at(i);
        if (table.columns.isEmpty())
            continue;
        QStringList lengths;
        QStringList names;
        for (const QString &column : table.columns) {
            names << TargetObjects::quoteName(column);
            lengths << QStringLiteral("COALESCE(LENGTH(%1), 0)").arg(names.last());
        }
        const QString name = TargetObjects::quoteName(table.name);
        batch +=
            QStringLiteral("SELECT 'sample', %1, (SELECT COUNT(*) FROM %2), COUNT(*), COALESCE(SUM(%3), 0) "
                           "FROM (SELECT %4 FROM %2 LIMIT %5) s;")
                .arg(QString::number(i), name, lengths.join(QLatin1Char('+')), names.join(QLatin1Char(',')),
                     QString::number(SampleRows));
        if (batch.size() > MaxBatchChars) {
            batches << batch;
            batch.clear();
        }
    }
    if (!batch.isEmpty())
        batches << batch;
    return batches;
}

void TransferPreflight::runNextSample()
{
    if (m_pendingSamples.isEmpty()) {
        m_sourceDone = true;
        maybeConclude();
        return;
    }
    m_sampleQuery = new ClientQuery(m_source, m_pendingSamples.takeFirst(), this);
    connect(m_sampleQuery, &ClientQuery::finished, this, &TransferPreflight::sampleAnswered);
    m_sampleQuery->start();
}

void TransferPreflight::sampleAnswered()
{
    ClientQuery *query = m_sampleQuery;
    m_sampleQuery = nullptr;
    query->deleteLater();
    if (m_cancelled)
        return;
    if (!query->status()) {
        // The statistics alone still give a figure; say why it is rougher.
        m_findings << PreflightFinding{
            PreflightFinding::Severity::Warning,
            QStringLiteral("Sampling the source's rows failed, so its size comes from "
                           "information_schema alone: %1")
                .arg(query->status().error().oneLine())};
        m_pendingSamples.clear();
    }
    for (const QStringList &row : query->rows()) {
        const int index = row.value(1).toInt();
        if (row.value(0) != QStringLiteral("sample") || index < 0 || index >= m_tables.size())
            continue;
        m_tables[index].exactRows = row.value(2).toLongLong();
        m_tables[index].sampledRows = row.value(3).toLongLong();
        m_tables[index].sampledBytes = row.value(4).toLongLong();
    }
    runNextSample();
}

void TransferPreflight::targetAnswered()
{
    ClientQuery *query = m_targetQuery;
    m_targetQuery = nullptr;
    query->deleteLater();
    if (m_cancelled)
        return;
    m_targetDone = true;
    m_targetOk = query->status().ok();
    if (!m_targetOk) {
        m_targetFindings << PreflightFinding{PreflightFinding::Severity::Blocker,
                                             query->status().error().oneLine()};
        maybeConclude();
        return;
    }
    QSet<QString> granted;
    bool logBin = false;
    bool trusted = false;
    QList<QStringList> objects;
    for (const QStringList &row : query->rows()) {
        const QString tag = row.value(0);
        if (tag == QStringLiteral("version")) {
            m_targetVersion = {row.value(1), row.value(2)};
        } else if (tag == QStringLiteral("binlog")) {
            logBin = row.value(1) == QStringLiteral("1");
            trusted = row.value(2) == QStringLiteral("1");
        } else if (tag == QStringLiteral("priv")) {
            granted.insert(row.value(1));
        } else {
            objects << row; // TargetObjects' rows begin with an object kind, never one of the tags above
        }
    }
    m_targetFindings << PreflightRules::privileges(granted);
    m_targetFindings << PreflightRules::targetContents(TargetObjects::fromRows(objects).summary(), m_replace,
                                                       m_target.label());
    m_binlog = {logBin, trusted, granted.contains(QStringLiteral("SUPER"))};
    maybeConclude();
}

void TransferPreflight::maybeConclude()
{
    if (!m_sourceDone || !m_targetDone || m_cancelled)
        return;
    if (m_sourceOk) {
        m_estimatedBytes = 0;
        for (const Table &table : m_tables) {
            const qint64 rows = table.exactRows >= 0 ? table.exactRows : table.statsRows;
            const qint64 sampled = table.sampledRows > 0 ? rows * table.sampledBytes / table.sampledRows : 0;
            m_estimatedBytes += qMax(table.statsBytes, sampled);
        }
        m_findings << PreflightRules::size(m_estimatedBytes, m_quotaBytes, false);
    }
    if (m_fromDump) {
        m_estimatedBytes = m_dumpBytes;
        m_findings << PreflightRules::size(m_dumpBytes, m_quotaBytes, false);
        // What the file holds is only known by reading it all: warn as if it had triggers or routines.
        if (m_targetOk)
            m_findings << PreflightRules::binlogTrust(m_binlog.logBin, m_binlog.trusted, m_binlog.super, -1,
                                                      -1);
    }
    if (m_sourceOk && m_targetOk) {
        m_findings << PreflightRules::versions(m_sourceVersion, m_targetVersion);
        m_findings << PreflightRules::binlogTrust(m_binlog.logBin, m_binlog.trusted, m_binlog.super,
                                                  m_sourceTriggers, m_sourceRoutines);
    }
    m_findings << m_targetFindings;
    // Blockers first, then warnings, then notes, each group in the order found.
    std::stable_sort(
        m_findings.begin(), m_findings.end(),
        [](const PreflightFinding &a, const PreflightFinding &b) { return a.severity < b.severity; });
    finish({});
}

void TransferPreflight::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    QTimer::singleShot(0, this, [this] {
        m_reported = true;
        Q_EMIT finished();
    });
}
