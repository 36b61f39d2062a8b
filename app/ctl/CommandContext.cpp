// SPDX-License-Identifier: MIT
#include "CommandContext.h"

#include "heroku/HerokuClient.h"
#include "heroku/HerokuError.h"
#include "heroku/HerokuResult.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

CommandContext::CommandContext(const CtlSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_network(new QNetworkAccessManager(this)),
      m_client(new HerokuClient(m_network, ApiEndpoint::fromEnvironment(), this))
{
    RetryPolicy retry;
    retry.timeoutMs = settings.timeoutMs;
    m_client->setRetryPolicy(retry);
}

CommandContext::~CommandContext()
{
    // Requests still in flight when a command ends early (one of two parallel
    // requests failed) are aborted by their destructors, which needs the network
    // manager alive: Qt warns on stderr when it tears down a busy manager first.
    delete m_client;
}

void CommandContext::fail(const Error &error)
{
    if (m_exited)
        return;
    m_output.error(error.oneLine());
    exit(Failure);
}

void CommandContext::fail(const HerokuError &error)
{
    fail(error.toError());
}

void CommandContext::finishList(const HerokuResult &result, const QStringList &headers,
                                const std::function<QList<QStringList>(const QJsonArray &)> &rowsOf,
                                const QString &emptyText)
{
    if (!result.ok())
        return fail(result.error);
    if (m_output.isJson())
        m_output.json(result.data);
    else
        m_output.table(headers, rowsOf(result.array()), emptyText);
    succeed();
}

void CommandContext::usageError(const QString &message, const QString &command)
{
    if (m_exited)
        return;
    const QString help = command.isEmpty()
                             ? QStringLiteral("cleardbctl --help")
                             : QStringLiteral("cleardbctl ") + command + QStringLiteral(" --help");
    // One line, so scripts that capture stderr get the whole reason.
    m_output.error(message + QStringLiteral(" (see `") + help + QStringLiteral("`)"));
    exit(UsageError);
}

void CommandContext::exit(int code)
{
    if (m_exited)
        return;
    m_exited = true;
    QCoreApplication::exit(code);
}
