// SPDX-License-Identifier: MIT
#pragma once
// Test-only helpers for the transfer tests: endpoints on the fixture cluster's primary, SQL run through
// the mariadb client (blocking, as tests may), a byte-exact snapshot of a database, and running a job
// to its end.
#include "SandboxTestEnv.h"
#include "transfer/ClientOptionFile.h"
#include "transfer/DatabaseEndpoint.h"
#include "transfer/MariaDbTools.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

namespace TransferTestDb {

inline DatabaseEndpoint endpoint(const SandboxStatus &s, const QString &user, const QString &password,
                                 const QString &database)
{
    DatabaseEndpoint e;
    e.host = s.host;
    e.port = s.primaryPort;
    e.user = user;
    e.password = Secret(password);
    e.database = database;
    e.tls = DatabaseEndpoint::Tls::Verified;
    e.caFile = s.caFile;
    return e;
}

inline DatabaseEndpoint admin(const SandboxStatus &s, const QString &database)
{
    return endpoint(s, s.adminUser, s.adminPassword(), database);
}

// The same login on the separate dedicated server (no replication with the pair, its own admin).
inline DatabaseEndpoint onDedicated(const SandboxStatus &s, DatabaseEndpoint e)
{
    e.port = s.dedicatedPort;
    return e;
}

inline DatabaseEndpoint dedicatedAdmin(const SandboxStatus &s, const QString &database)
{
    return onDedicated(
        s, endpoint(s, s.adminUser, s.adminPassword(SandboxStatus::Endpoint::Dedicated), database));
}

// The sandbox admin on the pair's primary or on the dedicated server, as the endpoint `e` is.
inline DatabaseEndpoint adminLike(const SandboxStatus &s, const DatabaseEndpoint &e)
{
    return e.port == s.dedicatedPort ? dedicatedAdmin(s, e.database) : admin(s, e.database);
}

// /proc/PID/cmdline or environ of a child, to check that no password is in them.
inline QByteArray readProc(qint64 pid, const char *what)
{
    QFile file(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct SqlRun;
inline SqlRun sql(const DatabaseEndpoint &e, const QByteArray &statements, const QStringList &extra = {});

struct SqlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// SQL on stdin through `mariadb --batch --skip-column-names`; `extra` arguments go before the database.
inline SqlRun sql(const DatabaseEndpoint &e, const QByteArray &statements, const QStringList &extra)
{
    SqlRun run;
    auto file = ClientOptionFile::create(e);
    if (!file)
        return run;
    QProcess p;
    p.setProcessEnvironment(MariaDbTools::childEnvironment());
    p.start(MariaDbTools::clientProgram(),
            QStringList{(*file)->argument(), QStringLiteral("--batch"), QStringLiteral("--skip-column-names"),
                        QStringLiteral("--default-character-set=utf8mb4")} +
                extra + QStringList{e.database});
    p.write(statements);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

// With binary logging on, only SUPER may create triggers and routines unless the server trusts
// function creators (ERROR 1419); ClearDB's servers do, the test cluster is told to here.
inline void trustFunctionCreators(const SandboxStatus &s)
{
    for (quint16 port : {s.primaryPort, s.secondaryPort}) {
        DatabaseEndpoint e = admin(s, QString());
        e.port = port;
        const SqlRun run = sql(e, "SET GLOBAL log_bin_trust_function_creators = 1;");
        QCOMPARE(run.exitCode, 0);
    }
}

inline QList<QByteArrayList> rows(const DatabaseEndpoint &e, const QByteArray &statements)
{
    const SqlRun run = sql(e, statements);
    if (run.exitCode != 0)
        qWarning("SQL failed: %s", run.err.constData());
    QList<QByteArrayList> result;
    for (const QByteArray &line : run.out.split('\n')) {
        if (!line.isEmpty())
            result << line.split('\t');
    }
    return result;
}

// A MySQL string literal.
inline QByteArray sqlString(const QString &text)
{
    QByteArray q = text.toUtf8();
    q.replace("\\", "\\\\").replace("'", "\\'");
    return '\'' + q + '\'';
}

inline QByteArray quote(const QByteArray &name)
{
    QByteArray q = name;
    q.replace("\\\\", "\\"); // --batch escapes backslashes in names
    return '`' + q.replace("`", "``") + '`';
}

// Every object's definition and every value's bytes (HEX, NULL marked apart from ''), in a fixed
// order, read as the admin in two client runs. Definers are left out: they differ on purpose.
inline QByteArrayList snapshot(const DatabaseEndpoint &adminOnDb)
{
    const auto catalog =
        rows(adminOnDb, "SELECT 'T', TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                        "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME;"
                        "SELECT 'C', TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS "
                        "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION;"
                        "SELECT 'R', ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES "
                        "WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 2, 3;");
    QByteArray script;
    for (const QByteArrayList &t : catalog) {
        if (t.at(0) != "T")
            continue;
        const QByteArray name = quote(t.at(1));
        if (t.at(2) == "VIEW") {
            script += "SHOW CREATE VIEW " + name + ";\n";
            continue;
        }
        script += "SHOW CREATE TABLE " + name + ";\n";
        QByteArrayList columns;
        QByteArrayList order;
        for (const QByteArrayList &c : catalog) {
            if (c.at(0) == "C" && c.at(1) == t.at(1)) {
                columns << "IFNULL(HEX(CAST(" + quote(c.at(2)) + " AS BINARY)), 'NULL')";
                order << QByteArray::number(columns.size());
            }
        }
        script +=
            "SELECT 'row', " + columns.join(", ") + " FROM " + name + " ORDER BY " + order.join(", ") + ";\n";
    }
    script += "SELECT 'trigger', TRIGGER_NAME, EVENT_MANIPULATION, ACTION_TIMING, EVENT_OBJECT_TABLE, "
              "ACTION_STATEMENT "
              "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 2;\n";
    for (const QByteArrayList &r : catalog) {
        if (r.at(0) == "R")
            script += "SHOW CREATE " + r.at(1) + ' ' + quote(r.at(2)) + ";\n";
    }
    static const QRegularExpression definer(QStringLiteral("DEFINER=`[^`]*`@`[^`]*` ?"));
    QByteArrayList lines;
    for (const QByteArrayList &r : rows(adminOnDb, script)) {
        // SHOW CREATE PROCEDURE/FUNCTION: name, sql_mode, definition (later: character sets).
        const QByteArrayList kept =
            r.size() > 3 && r.at(0) != "row" && r.at(0) != "trigger" ? r.mid(0, 3) : r;
        lines << QString::fromUtf8(kept.join('|')).remove(definer).toUtf8();
    }
    return lines;
}

// Starts a job (DumpJob, RestoreJob or CopyJob) and waits for its finished() signal.
template <typename Job> bool runToEnd(Job &job, int timeoutMs = 20000)
{
    QSignalSpy done(&job, &Job::finished);
    job.start();
    return done.wait(timeoutMs);
}

// Runs a job one event-loop round at a time, as a view polling isRunning() sees it, and says whether
// finished() had gone out by the time isRunning() turned false: whoever reads the outcome once the job
// stops running must find it reported.
template <typename Job> bool reportsBeforeItStopsRunning(Job &job, int timeoutMs = 20000)
{
    QSignalSpy done(&job, &Job::finished);
    job.start();
    QDeadlineTimer deadline(timeoutMs);
    while (job.isRunning() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return !job.isRunning() && done.count() == 1;
}

} // namespace TransferTestDb
