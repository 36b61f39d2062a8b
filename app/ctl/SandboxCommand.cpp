// SPDX-License-Identifier: MIT
#include "SandboxCommand.h"

#include "SandboxOptions.h"
#include "sandbox/SandboxCluster.h"

#include <QCommandLineParser>

QString SandboxCommand::details() const
{
    return QStringLiteral(
        "Actions: start (idempotent; also restarts a part that died), stop, status.\n"
        "Ports: PORT routed (HAProxy), PORT+1 primary, PORT+2 secondary, PORT+3 stats page, PORT+4 the\n"
        "dedicated server (a separate MariaDB standing for a dedicated cluster or a local MySQL; start it\n"
        "with start --dedicated; stop stops it too). status lists it; its state does not change the exit "
        "code.");
}

void SandboxCommand::configure(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("start, stop or status."),
                                 QStringLiteral("start|stop|status"));
    parser.addOptions(SandboxOptions::options());
    parser.addOption({QStringLiteral("dedicated"),
                      QStringLiteral("start: also start the dedicated server (PORT+4), a separate MariaDB "
                                     "standing for a dedicated cluster or a local MySQL.")});
}

Status SandboxCommand::prepare(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("give an action: start, stop or status"));
    m_action = positional.first();
    if (m_action != QLatin1String("start") && m_action != QLatin1String("stop") &&
        m_action != QLatin1String("status"))
        return usage(QStringLiteral("unknown action \"%1\"; use start, stop or status").arg(m_action));
    if (positional.size() > 1)
        return usage(QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1)));
    const Result<SandboxOptions::Location> where = SandboxOptions::read(parser);
    if (!where)
        return where.error();
    m_sandbox = where.value();
    m_withDedicated = parser.isSet(QStringLiteral("dedicated"));
    if (m_withDedicated && m_action != QLatin1String("start"))
        return usage(QStringLiteral("--dedicated goes with start (stop stops everything; status lists it)"));
    return {};
}

void SandboxCommand::start()
{
    const Result<SandboxCluster *> made = SandboxOptions::makeCluster(m_sandbox, this);
    if (!made)
        return context()->fail(made.error());
    SandboxCluster *cluster = made.value();
    connect(cluster, &SandboxCluster::started, this, &SandboxCommand::onResult);
    connect(cluster, &SandboxCluster::stopped, this, &SandboxCommand::onResult);
    connect(cluster, &SandboxCluster::statusRefreshed, this, &SandboxCommand::onResult);
    if (m_action == QLatin1String("start")) {
        out().progress(QStringLiteral("Starting the sandbox in %1 (the first start takes a few seconds)...")
                           .arg(m_sandbox.dir));
        if (m_withDedicated)
            cluster->startAll();
        else
            cluster->start();
    } else if (m_action == QLatin1String("stop")) {
        cluster->stop();
    } else {
        cluster->refreshStatus();
    }
}

void SandboxCommand::onResult(const SandboxResult &result)
{
    // A failed action may still come with a readable status (e.g. "degraded"): show it, then the error.
    const bool haveStatus = !result.status.state.isEmpty();
    if (haveStatus) {
        if (json())
            out().json(SandboxOptions::statusJson(result.status));
        else
            out().keyValues(SandboxOptions::statusPairs(result.status));
    }
    if (!result.ok())
        return context()->fail(result.error());
    if (m_action == QLatin1String("status") && !result.status.isRunning())
        return context()->fail(
            makeError(Error::Kind::Conflict,
                      QStringLiteral("the sandbox is %1; start it with `cleardbctl sandbox start`")
                          .arg(result.status.state)));
    context()->succeed();
}
