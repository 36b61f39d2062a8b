// SPDX-License-Identifier: MIT
#include "transfer/TargetLoader.h"

#include "transfer/ChildErrorText.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/ClientQuery.h"
#include "transfer/MariaDbTools.h"
#include "transfer/TargetObjects.h"

#include <QTimer>

namespace {
QString capitalized(const QString &word)
{
    return word.isEmpty() ? word : word.at(0).toUpper() + word.mid(1);
}
} // namespace

TargetLoader::TargetLoader(const DatabaseEndpoint &target, Mode mode, const QString &operation,
                           QObject *parent)
    : QObject(parent), m_target(target), m_mode(mode), m_operation(operation)
{
    connect(&m_process, &QProcess::bytesWritten, this, &TargetLoader::bytesWritten);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::finished, this, &TargetLoader::clientExited);
    connect(&m_process, &ClientProcess::failedToStart, this, [this](const Error &error) { finish(error); });
}

TargetLoader::~TargetLoader() = default;

void TargetLoader::inspect()
{
    m_inspection = new ClientQuery(m_target, TargetObjects::query(), this);
    connect(m_inspection, &ClientQuery::finished, this, &TargetLoader::inspectionDone);
    m_inspection->start();
}

void TargetLoader::inspectionDone()
{
    ClientQuery *query = m_inspection;
    m_inspection = nullptr;
    query->deleteLater();
    if (m_cancelled) {
        Q_EMIT inspected(makeError(Error::Kind::Cancelled, QStringLiteral("Cancelled before loading.")));
        return;
    }
    if (!query->status()) {
        Q_EMIT inspected(query->status());
        return;
    }
    const TargetObjects objects = TargetObjects::fromRows(query->rows());
    if (!objects.isEmpty() && m_mode != Mode::Replace) {
        Q_EMIT inspected(makeError(
            Error::Kind::Conflict,
            QStringLiteral(
                "The target %1 is not empty (%2): nothing was changed. %3 into an empty database, or "
                "ask to replace its contents.")
                .arg(m_target.label(), objects.summary(), capitalized(m_operation))));
        return;
    }
    m_replacing = !objects.isEmpty();
    m_prelude = m_replacing ? objects.dropScript() : QByteArray();
    Q_EMIT inspected({});
}

void TargetLoader::start()
{
    if (m_loading || m_finished)
        return;
    m_loading = true;
    const QString program = MariaDbTools::clientProgram();
    Result<std::unique_ptr<ClientOptionFile>> file =
        program.isEmpty()
            ? Result<std::unique_ptr<ClientOptionFile>>(makeError(
                  Error::Kind::Unsupported, MariaDbTools::notInstalledMessage(QStringLiteral("mariadb"))))
            : ClientOptionFile::create(m_target);
    if (!file) {
        // From the event loop, like every other outcome, so the caller's state is settled first.
        const Error error = file.error();
        QTimer::singleShot(0, this, [this, error] { finish(error); });
        return;
    }
    m_optionFile = std::move(file.value());
    m_process.start(program, MariaDbTools::restoreArguments(m_optionFile->argument(), m_target.database));
    if (!m_prelude.isEmpty())
        m_process.write(m_prelude);
}

void TargetLoader::write(const QByteArray &sql)
{
    if (m_optionFile && !m_inputClosed && !m_finished)
        m_process.write(sql);
}

void TargetLoader::closeInput()
{
    if (m_inputClosed || m_finished)
        return;
    m_inputClosed = true;
    m_process.closeWriteChannel(); // after what is pending has been written
}

void TargetLoader::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_inspection)
        m_inspection->cancel();
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill(); // clientExited() reports the cancel
    else if (m_loading)
        QTimer::singleShot(0, this, [this] {
            finish(makeError(Error::Kind::Cancelled, QStringLiteral("Cancelled: ") + partialStateMessage()));
        });
}

QString TargetLoader::partialStateMessage() const
{
    return QStringLiteral("%1 may be partly loaded%2: run the %3 again with replace to complete it.")
        .arg(m_target.label(),
             m_replacing ? QStringLiteral(" and its previous contents are dropped") : QString(), m_operation);
}

void TargetLoader::clientExited(int code, QProcess::ExitStatus exitStatus)
{
    if (m_cancelled) {
        finish(makeError(Error::Kind::Cancelled, QStringLiteral("Cancelled: ") + partialStateMessage()));
        return;
    }
    if (exitStatus != QProcess::NormalExit || code != 0 || !m_inputClosed) {
        const QString what =
            QStringLiteral("%1 into %2 failed").arg(capitalized(m_operation), m_target.label());
        Error error = ChildErrorText::toError(what, m_process.errorOutput(), m_target.password);
        error.message += QStringLiteral(". ") + partialStateMessage();
        finish(error);
        return;
    }
    finish({});
}

void TargetLoader::finish(const Status &status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_optionFile.reset();
    Q_EMIT finished(status);
}
