// SPDX-License-Identifier: MIT
#include "transfer/DumpStream.h"

#include "transfer/ChildErrorText.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/ClientQuery.h"
#include "transfer/MariaDbTools.h"

#include <QTimer>

namespace {
// mariadb-dump's comment before each table's rows.
const QByteArray TableMarker = "\n-- Dumping data for table `";
constexpr int ProgressIntervalMs = 100;

Error cancelled()
{
    return makeError(Error::Kind::Cancelled, QStringLiteral("Dump cancelled."));
}
} // namespace

DumpStream::DumpStream(const DatabaseEndpoint &source, QObject *parent) : QObject(parent), m_source(source)
{
    connect(&m_pipe, &ChildOutputPipe::received, this, &DumpStream::received);
    connect(&m_pipe, &ChildOutputPipe::ended, this, [this] {
        m_outputEnded = true;
        maybeFinish();
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus exitStatus) {
        m_exited = true;
        if (exitStatus != QProcess::NormalExit || code != 0)
            m_exitStatus = ChildErrorText::toError(QStringLiteral("Dump of %1 failed").arg(m_source.label()),
                                                   m_process.errorOutput(), m_source.password);
        maybeFinish();
    });
    connect(&m_process, &ClientProcess::failedToStart, this, [this](const Error &error) { finish(error); });
}

DumpStream::~DumpStream() = default;

void DumpStream::prepare()
{
    m_estimate = new ClientQuery(
        m_source,
        QStringLiteral(
            "SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH, 0) "
            "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"),
        this);
    connect(m_estimate, &ClientQuery::finished, this, &DumpStream::estimated);
    m_estimate->start();
}

void DumpStream::estimated()
{
    ClientQuery *query = m_estimate;
    m_estimate = nullptr;
    query->deleteLater();
    if (m_cancelled) {
        Q_EMIT prepared(cancelled());
        return;
    }
    if (!query->status()) {
        Q_EMIT prepared(query->status());
        return;
    }
    for (const QStringList &row : query->rows()) {
        if (row.size() < 3)
            continue;
        m_tableRows.insert(row.at(0), row.at(1).toLongLong());
        m_progress.bytesTotal += row.at(2).toLongLong();
    }
    m_progress.tablesTotal = int(m_tableRows.size());
    Q_EMIT prepared({});
}

void DumpStream::start()
{
    if (m_dumping || m_finished)
        return;
    m_dumping = true;
    // Outcomes are reported from the event loop, so the caller's state is settled when they arrive.
    const auto failLater = [this](const Error &error) {
        QTimer::singleShot(0, this, [this, error] { finish(error); });
    };
    const QString program = MariaDbTools::dumpProgram();
    if (program.isEmpty()) {
        failLater(makeError(Error::Kind::Unsupported,
                            MariaDbTools::notInstalledMessage(QStringLiteral("mariadb-dump"))));
        return;
    }
    Result<std::unique_ptr<ClientOptionFile>> file = ClientOptionFile::create(m_source);
    if (!file) {
        failLater(file.error());
        return;
    }
    m_optionFile = std::move(file.value());
    m_sinceProgress.start();
    const Status piped = m_pipe.start(
        m_process, program, MariaDbTools::dumpArguments(m_optionFile->argument(), m_source.database));
    if (!piped)
        failLater(piped.error());
}

void DumpStream::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_estimate)
        m_estimate->cancel();
    m_pipe.close();
    m_outputEnded = true;
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill(); // the exit reports the cancel
    else if (m_dumping)
        QTimer::singleShot(0, this, [this] { finish(cancelled()); });
}

void DumpStream::received(const QByteArray &raw)
{
    if (m_finished || m_cancelled)
        return;
    QByteArray filtered;
    m_filter.feed(raw, filtered);
    noteTables(filtered);
    m_progress.bytesDone += filtered.size();
    if (!filtered.isEmpty())
        Q_EMIT chunk(filtered);
    if (m_sinceProgress.elapsed() >= ProgressIntervalMs) {
        m_sinceProgress.restart();
        Q_EMIT progressed(m_progress);
    }
}

void DumpStream::noteTables(const QByteArray &filtered)
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

void DumpStream::maybeFinish()
{
    // The child's exit and the end of its output arrive in either order; the output may still hold data
    // (a paused pipe) when the exit is seen.
    if (!m_exited || !m_outputEnded)
        return;
    if (m_cancelled) {
        finish(cancelled());
        return;
    }
    if (!m_exitStatus) {
        finish(m_exitStatus);
        return;
    }
    QByteArray rest;
    m_filter.finish(rest);
    m_progress.bytesDone += rest.size();
    if (!rest.isEmpty())
        Q_EMIT chunk(rest);
    m_progress.tablesDone = m_progress.tablesTotal;
    Q_EMIT progressed(m_progress);
    finish({});
}

void DumpStream::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pipe.close();
    m_optionFile.reset();
    Q_EMIT finished(status);
}
