// SPDX-License-Identifier: MIT
#include "transfer/DumpJob.h"

#include "transfer/ChildErrorText.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/ClientQuery.h"
#include "transfer/DumpFileWriter.h"
#include "transfer/MariaDbTools.h"

#include <QTimer>

namespace {
// mariadb-dump's comment before each table's rows.
const QByteArray TableMarker = "\n-- Dumping data for table `";
constexpr int ProgressIntervalMs = 100;
} // namespace

DumpJob::DumpJob(const DatabaseEndpoint &source, const QString &outputPath, QObject *parent)
    : QObject(parent), m_source(source), m_outputPath(outputPath)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { consume(m_process.readAllStandardOutput()); });
    connect(&m_process, &QProcess::finished, this, &DumpJob::dumpExited);
    connect(&m_process, &ClientProcess::failedToStart, this, [this](const Error &error) { finish(error); });
}

DumpJob::~DumpJob() = default;

void DumpJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // The sizes for the progress bar, and a first login that fails before any file exists.
    m_estimate = new ClientQuery(
        m_source,
        QStringLiteral(
            "SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH, 0) "
            "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"),
        this);
    connect(m_estimate, &ClientQuery::finished, this, &DumpJob::estimated);
    m_estimate->start();
}

void DumpJob::cancel()
{
    if (!m_started || m_finished)
        return;
    m_cancelled = true;
    if (m_estimate)
        m_estimate->cancel();
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill(); // dumpExited() reports the cancel and removes the partial file
}

void DumpJob::estimated()
{
    ClientQuery *query = m_estimate;
    m_estimate = nullptr;
    query->deleteLater();
    if (m_cancelled) {
        finish(makeError(Error::Kind::Cancelled, QStringLiteral("Dump cancelled: no file was written.")));
        return;
    }
    if (!query->status()) {
        finish(query->status().error());
        return;
    }
    for (const QStringList &row : query->rows()) {
        if (row.size() < 3)
            continue;
        m_tableRows.insert(row.at(0), row.at(1).toLongLong());
        m_progress.bytesTotal += row.at(2).toLongLong();
    }
    m_progress.tablesTotal = int(m_tableRows.size());
    startDump();
}

void DumpJob::startDump()
{
    const QString program = MariaDbTools::dumpProgram();
    if (program.isEmpty()) {
        finish(makeError(Error::Kind::Unsupported,
                         MariaDbTools::notInstalledMessage(QStringLiteral("mariadb-dump"))));
        return;
    }
    Result<std::unique_ptr<ClientOptionFile>> file = ClientOptionFile::create(m_source);
    if (!file) {
        finish(file.error());
        return;
    }
    m_optionFile = std::move(file.value());
    Result<std::unique_ptr<DumpFileWriter>> writer = DumpFileWriter::open(m_outputPath);
    if (!writer) {
        finish(writer.error());
        return;
    }
    m_writer = std::move(writer.value());
    m_sinceProgress.start();
    m_process.start(program, MariaDbTools::dumpArguments(m_optionFile->argument(), m_source.database));
}

void DumpJob::consume(const QByteArray &chunk)
{
    if (m_finished || !m_writer || !m_writeError)
        return;
    m_filtered.clear();
    m_filter.feed(chunk, m_filtered);
    noteTables(m_filtered);
    m_writeError = m_writer->write(m_filtered);
    if (!m_writeError) {
        m_process.kill();
        return;
    }
    m_progress.bytesDone += m_filtered.size();
    if (m_sinceProgress.elapsed() >= ProgressIntervalMs) {
        m_sinceProgress.restart();
        Q_EMIT progress(m_progress);
    }
}

void DumpJob::noteTables(const QByteArray &filtered)
{
    const QByteArray window = m_tail + filtered;
    qsizetype consumed = 0;
    qsizetype at = 0;
    while ((at = window.indexOf(TableMarker, consumed)) >= 0) {
        const qsizetype nameStart = at + TableMarker.size();
        const qsizetype end = window.indexOf('\n', nameStart);
        if (end < 0) {
            // The rest of the line comes with the next chunk; a name is at most a few hundred bytes.
            m_tail = window.size() - at < 4096 ? window.mid(at) : QByteArray();
            return;
        }
        // "`name`" with backticks doubled inside.
        QByteArray name = window.mid(nameStart, end - nameStart);
        if (name.endsWith('`'))
            name.chop(1);
        m_progress.currentTable = QString::fromUtf8(name.replace("``", "`"));
        m_progress.currentTableRows = m_tableRows.value(m_progress.currentTable);
        ++m_progress.tablesDone;
        consumed = end;
    }
    // A marker may begin in the last bytes.
    m_tail = window.mid(qMax(consumed, window.size() - TableMarker.size() + 1));
}

void DumpJob::dumpExited(int code, QProcess::ExitStatus exitStatus)
{
    consume(m_process.readAllStandardOutput());
    if (m_cancelled) {
        finish(makeError(Error::Kind::Cancelled,
                         QStringLiteral("Dump cancelled: the partial file was removed, %1 is unchanged.")
                             .arg(m_outputPath)));
        return;
    }
    if (!m_writeError) {
        finish(m_writeError);
        return;
    }
    if (exitStatus != QProcess::NormalExit || code != 0) {
        finish(ChildErrorText::toError(QStringLiteral("Dump of %1 failed").arg(m_source.label()),
                                       m_process.errorOutput(), m_source.password));
        return;
    }
    m_filtered.clear();
    m_filter.finish(m_filtered);
    Status written = m_writer->write(m_filtered);
    if (written)
        written = m_writer->commit();
    m_progress.bytesDone += m_filtered.size();
    m_progress.tablesDone = m_progress.tablesTotal;
    Q_EMIT progress(m_progress);
    finish(written);
}

void DumpJob::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_optionFile.reset();
    m_writer.reset(); // an uncommitted dump is removed here
    // Reported from the event loop, so a caller that connected after start() still hears it.
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}
