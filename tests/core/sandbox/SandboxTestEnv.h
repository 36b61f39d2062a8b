// SPDX-License-Identifier: MIT
#pragma once
// Test-only access to the fixture cluster (tests/core/sandbox/SandboxFixture.cmake): its status,
// provisioning, admin SQL and restarting a killed server. Tests may block; product code never does.

#include "probe/SqlSession.h"
#include "sandbox/SandboxStatus.h"

#include <QProcess>
#include <QtTest>

namespace SandboxTestEnv {

inline QString script()
{
    return qEnvironmentVariable("CLEARDB_SANDBOX_SCRIPT");
}

inline QString dir()
{
    return qEnvironmentVariable("CLEARDB_SANDBOX_DIR");
}

// Runs cluster.sh synchronously; returns stdout, fails the test on a bad exit (status may exit 3).
inline QByteArray run(const QStringList &args, const QByteArray &input = {}, int *exitCode = nullptr,
                      const QString &clusterDir = dir())
{
    QProcess p;
    p.start(script(), args + QStringList{QStringLiteral("--dir"), clusterDir});
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qWarning("cluster.sh %s did not finish", qPrintable(args.join(QLatin1Char(' '))));
    if (exitCode)
        *exitCode = p.exitCode();
    else if (p.exitCode() != 0)
        qWarning("cluster.sh %s failed: %s", qPrintable(args.join(QLatin1Char(' '))),
                 p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

inline SandboxStatus status(const QString &clusterDir = dir())
{
    int code = 0;
    const QByteArray json = run({QStringLiteral("status"), QStringLiteral("--json")}, {}, &code, clusterDir);
    const Result<SandboxStatus> parsed = SandboxStatus::fromJson(json);
    if (!parsed)
        qWarning("bad status JSON: %s", qPrintable(parsed.error().oneLine()));
    return parsed.valueOr(SandboxStatus());
}

// `extra`: e.g. {"--server", "dedicated"} to provision on the dedicated server instead of the pair.
inline bool provision(const QString &db, const QString &user, const QString &password,
                      const QStringList &extra = {})
{
    int code = 0;
    run(QStringList{QStringLiteral("provision-db"), db, user, QStringLiteral("-")} + extra,
        password.toUtf8() + '\n', &code);
    return code == 0;
}

inline ProbeTarget admin(const SandboxStatus &s, SandboxStatus::Endpoint e, const QString &db = {})
{
    return s.target(e, s.adminUser, s.adminPassword(e), db);
}

// Runs statements as the sandbox admin on one endpoint; returns the first row of the last one.
inline QVariantList adminExec(const SandboxStatus &s, SandboxStatus::Endpoint e, const QStringList &sql,
                              const QString &db = {})
{
    SqlSession session;
    const ProbeError openError = session.open(admin(s, e, db));
    if (openError.isError()) {
        qWarning("admin login failed: %s", qPrintable(openError.toString()));
        return {};
    }
    QVariantList row;
    for (const QString &statement : sql) {
        row.clear();
        const ProbeError error = session.exec(statement, {}, &row);
        if (error.isError())
            qWarning("admin SQL failed: %s", qPrintable(error.toString()));
    }
    return row;
}

// A database and a user with all privileges on it alone, limited to `maxUserConnections` at once, as
// ClearDB gives each add-on (on the primary; the pair replicates it). dropDatabaseWithUser() undoes it.
inline void createDatabaseWithUser(const SandboxStatus &s, const QString &db, const QString &user,
                                   const QString &password, int maxUserConnections)
{
    adminExec(s, SandboxStatus::Endpoint::Primary,
              {QStringLiteral("CREATE DATABASE %1").arg(db),
               QStringLiteral("CREATE USER '%1'@'%' IDENTIFIED BY '%2' WITH MAX_USER_CONNECTIONS %3")
                   .arg(user, password)
                   .arg(maxUserConnections),
               QStringLiteral("GRANT ALL ON %1.* TO '%2'@'%'").arg(db, user)});
}

inline void dropDatabaseWithUser(const SandboxStatus &s, const QString &db, const QString &user)
{
    adminExec(s, SandboxStatus::Endpoint::Primary,
              {QStringLiteral("DROP USER IF EXISTS '%1'@'%'").arg(user),
               QStringLiteral("DROP DATABASE IF EXISTS %1").arg(db)});
}

// Live (non-zombie) processes whose command line mentions the cluster directory.
inline QStringList liveProcesses(const QString &clusterDir)
{
    QProcess p;
    p.start(QStringLiteral("pgrep"), {QStringLiteral("-a"), QStringLiteral("-r"), QStringLiteral("R,S,D,T"),
                                      QStringLiteral("-f"), clusterDir + QStringLiteral("/")});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace SandboxTestEnv
