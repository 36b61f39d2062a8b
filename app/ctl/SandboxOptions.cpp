// SPDX-License-Identifier: MIT
#include "SandboxOptions.h"

#include "CommandOptions.h"
#include "sandbox/SandboxCluster.h"

#include <QCommandLineParser>
#include <QDir>

QList<QCommandLineOption> SandboxOptions::options()
{
    return {
        {QStringLiteral("dir"),
         QStringLiteral("Sandbox directory (default $CLEARDB_SANDBOX_DIR, else %1).")
             .arg(SandboxCluster::defaultRuntimeDir()),
         QStringLiteral("DIR")},
        {QStringLiteral("base-port"),
         QStringLiteral("First of four loopback ports (routed, primary, secondary, stats); default 23306 or "
                        "the running cluster's."),
         QStringLiteral("PORT")}};
}

Result<SandboxOptions::Location> SandboxOptions::read(const QCommandLineParser &parser)
{
    Location where;
    const QString dir = parser.value(QStringLiteral("dir"));
    where.dir = dir.isEmpty() ? SandboxCluster::sandboxDir() : QDir(dir).absolutePath();
    if (parser.isSet(QStringLiteral("base-port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("base-port")).toInt(&ok);
        // cluster.sh uses base..base+3 and refuses privileged ports.
        if (!ok || port < 1024 || port > 65530)
            return CommandOptions::usage(QStringLiteral("--base-port must be a number from 1024 to 65530"));
        where.basePort = quint16(port);
    }
    return where;
}

Result<SandboxCluster *> SandboxOptions::makeCluster(const Location &where, QObject *parent)
{
    const QString script = SandboxCluster::locateScript();
    if (script.isEmpty())
        return makeError(
            Error::Kind::NotFound,
            QStringLiteral("the sandbox script cluster.sh was not found; set CLEARDB_SANDBOX_SCRIPT "
                           "to scripts/sandbox/cluster.sh"));
    return new SandboxCluster(script, where.dir, where.basePort, parent);
}

QJsonObject SandboxOptions::statusJson(const SandboxStatus &s)
{
    const auto node = [](bool running, quint16 port, qint64 pid) {
        QJsonObject o{
            {QStringLiteral("state"), running ? QStringLiteral("running") : QStringLiteral("stopped")},
            {QStringLiteral("pid"), pid}};
        if (port != 0)
            o.insert(QStringLiteral("port"), port);
        return o;
    };
    QJsonObject dedicated = node(s.dedicatedRunning, s.dedicatedPort, s.dedicatedPid);
    dedicated.insert(QStringLiteral("adminUrl"), s.dedicatedAdminUrl);
    dedicated.insert(QStringLiteral("adminPasswordFile"), s.dedicatedAdminPasswordFile);
    return {{QStringLiteral("state"), s.state},
            {QStringLiteral("dir"), s.dir},
            {QStringLiteral("host"), s.host},
            {QStringLiteral("routedPort"), s.routedPort},
            {QStringLiteral("statsPort"), s.statsPort},
            {QStringLiteral("haproxy"), node(s.haproxyRunning, 0, s.haproxyPid)},
            {QStringLiteral("primary"), node(s.primaryRunning, s.primaryPort, s.primaryPid)},
            {QStringLiteral("secondary"), node(s.secondaryRunning, s.secondaryPort, s.secondaryPid)},
            {QStringLiteral("dedicated"), dedicated},
            {QStringLiteral("caFile"), s.caFile},
            {QStringLiteral("adminUser"), s.adminUser},
            {QStringLiteral("adminPasswordFile"), s.adminPasswordFile},
            {QStringLiteral("adminUrl"), s.adminUrl},
            {QStringLiteral("statsUrl"), s.statsUrl}};
}

QList<QPair<QString, QString>> SandboxOptions::statusPairs(const SandboxStatus &s)
{
    const auto state = [](bool running, qint64 pid) {
        return running ? QStringLiteral("running (pid %1)").arg(pid) : QStringLiteral("stopped");
    };
    return {{QStringLiteral("State"), s.state},
            {QStringLiteral("Directory"), s.dir},
            {QStringLiteral("Routed"), QStringLiteral("%1:%2").arg(s.host).arg(s.routedPort)},
            {QStringLiteral("HAProxy"), state(s.haproxyRunning, s.haproxyPid)},
            {QStringLiteral("Primary"), QStringLiteral("%1:%2 %3")
                                            .arg(s.host)
                                            .arg(s.primaryPort)
                                            .arg(state(s.primaryRunning, s.primaryPid))},
            {QStringLiteral("Secondary"), QStringLiteral("%1:%2 %3")
                                              .arg(s.host)
                                              .arg(s.secondaryPort)
                                              .arg(state(s.secondaryRunning, s.secondaryPid))},
            {QStringLiteral("Dedicated"), QStringLiteral("%1:%2 %3")
                                              .arg(s.host)
                                              .arg(s.dedicatedPort)
                                              .arg(state(s.dedicatedRunning, s.dedicatedPid))},
            {QStringLiteral("Dedicated admin URL"), s.dedicatedAdminUrl},
            {QStringLiteral("Dedicated password file"), s.dedicatedAdminPasswordFile},
            {QStringLiteral("CA file"), s.caFile},
            {QStringLiteral("Admin URL"), s.adminUrl},
            {QStringLiteral("Admin password file"), s.adminPasswordFile},
            {QStringLiteral("Stats"), s.statsUrl}};
}
