// SPDX-License-Identifier: MIT
#include "transfer/ClientQuery.h"

#include "transfer/ChildErrorText.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/MariaDbTools.h"

#include <QTimer>

ClientQuery::ClientQuery(const DatabaseEndpoint &endpoint, const QString &sql, QObject *parent)
    : QObject(parent), m_endpoint(endpoint), m_sql(sql)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += m_process.readAllStandardOutput(); });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus exitStatus) {
        m_stdout += m_process.readAllStandardOutput();
        if (exitStatus != QProcess::NormalExit || code != 0) {
            done(ChildErrorText::toError(QStringLiteral("Could not read %1").arg(m_endpoint.label()),
                                         m_process.errorOutput(), m_endpoint.password));
            return;
        }
        for (const QByteArray &line : m_stdout.split('\n')) {
            if (line.isEmpty())
                continue;
            QStringList fields;
            for (const QByteArray &field : line.split('\t'))
                fields << unescapeBatchField(QString::fromUtf8(field));
            m_rows << fields;
        }
        done({});
    });
    connect(&m_process, &ClientProcess::failedToStart, this, [this](const Error &error) { done(error); });
}

ClientQuery::~ClientQuery() = default;

QStringList ClientQuery::arguments() const
{
    return m_process.arguments();
}

void ClientQuery::start()
{
    const QString program = MariaDbTools::clientProgram();
    if (program.isEmpty()) {
        // Reported from the event loop, like every other outcome, so callers connect before anything fires.
        QTimer::singleShot(0, this, [this] {
            done(makeError(Error::Kind::Unsupported,
                           MariaDbTools::notInstalledMessage(QStringLiteral("mariadb"))));
        });
        return;
    }
    Result<std::unique_ptr<ClientOptionFile>> file = ClientOptionFile::create(m_endpoint);
    if (!file) {
        const Error error = file.error();
        QTimer::singleShot(0, this, [this, error] { done(error); });
        return;
    }
    m_optionFile = std::move(file.value());
    m_process.start(program,
                    MariaDbTools::queryArguments(m_optionFile->argument(), m_endpoint.database, m_sql));
}

void ClientQuery::cancel()
{
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
}

void ClientQuery::done(const Status &status)
{
    if (m_done)
        return;
    m_done = true;
    m_status = status;
    m_optionFile.reset();
    Q_EMIT finished();
}

QString ClientQuery::unescapeBatchField(const QString &field)
{
    if (!field.contains(QLatin1Char('\\')))
        return field;
    QString out;
    out.reserve(field.size());
    for (int i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c != QLatin1Char('\\') || i + 1 == field.size()) {
            out += c;
            continue;
        }
        const QChar next = field.at(++i);
        if (next == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (next == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (next == QLatin1Char('0'))
            out += QChar(0);
        else
            out += next;
    }
    return out;
}
