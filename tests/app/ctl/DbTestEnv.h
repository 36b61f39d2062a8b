// SPDX-License-Identifier: MIT
#pragma once
// Shared set-up of the `cleardbctl db` tests: a source database on the fixture pair's primary and a
// target on the separate dedicated server, each owned by its own unprivileged user, and a heroku-sim
// whose apps hold their URLs as config vars, so app:APP specs resolve through the real API client.
#include "../../core/transfer/TransferTestDb.h"
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimHttp.h"
#include "SimProcess.h"

#include <QJsonObject>
#include <QtTest>

namespace DbTestEnv {

struct Side
{
    QString db;
    QString user;
    QString password;
    quint16 port = 0;
    QString host;
    QString caFile;

    QString url(const QString &withPassword = {}) const
    {
        return QStringLiteral("mysql://%1:%2@%3:%4/%5?ssl-ca=%6")
            .arg(user, withPassword.isEmpty() ? password : withPassword, host)
            .arg(port)
            .arg(db, caFile);
    }
    DatabaseEndpoint endpoint() const
    {
        DatabaseEndpoint e;
        e.host = host;
        e.port = port;
        e.user = user;
        e.password = Secret(password);
        e.database = db;
        e.tls = DatabaseEndpoint::Tls::Verified;
        e.caFile = caFile;
        return e;
    }
};

// `server`: "pair" (the primary) or "dedicated".
inline Side provision(const SandboxStatus &s, const QString &db, const QString &user, const QString &password,
                      bool dedicated)
{
    Side side{db, user, password, dedicated ? s.dedicatedPort : s.primaryPort, s.host, s.caFile};
    const QStringList extra =
        dedicated ? QStringList{QStringLiteral("--server"), QStringLiteral("dedicated")} : QStringList{};
    if (!SandboxTestEnv::provision(db, user, password, extra))
        qWarning("could not provision %s", qPrintable(db));
    return side;
}

// Empties `side`'s database (as its own user).
inline bool clear(const Side &side)
{
    const auto tables = TransferTestDb::rows(
        side.endpoint(), "SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                         "DATABASE()");
    QByteArray script = "SET FOREIGN_KEY_CHECKS = 0;";
    for (const QByteArrayList &t : tables)
        script += (t.at(0) == "VIEW" ? "DROP VIEW " : "DROP TABLE ") + TransferTestDb::quote(t.at(1)) + ";";
    return TransferTestDb::sql(side.endpoint(), script).exitCode == 0;
}

// A source database on the fixture pair and a target on the separate dedicated server, each with its
// own unprivileged user (names from `tag`, passwords unique to this process), both emptied.
inline bool provisionPair(const SandboxStatus &s, const QString &tag, Side &source, Side &target)
{
    const QString pid = QString::number(QCoreApplication::applicationPid());
    source = provision(s, QStringLiteral("ctl%1_src").arg(tag), QStringLiteral("ctl%1_src_u").arg(tag),
                       QStringLiteral("Src-%1-pw-").arg(tag) + pid, false);
    target = provision(s, QStringLiteral("ctl%1_dst").arg(tag), QStringLiteral("ctl%1_dst_u").arg(tag),
                       QStringLiteral("Dst-%1-pw-").arg(tag) + pid, true);
    return clear(source) && clear(target);
}

// A small table, and an 80,000-row one that takes a dump or load long enough to interrupt it mid-way.
inline constexpr char kInterruptibleData[] =
    "CREATE TABLE small (id INT PRIMARY KEY, v VARCHAR(10)); INSERT INTO small VALUES (1, 'a');"
    "CREATE TABLE big (id INT PRIMARY KEY, pad VARCHAR(255)) ENGINE=InnoDB;"
    "SET SESSION max_recursive_iterations = 1000000;"
    "INSERT INTO big WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 80000) "
    "SELECT n, REPEAT(CHAR(65 + n % 26), 200) FROM s;";

inline bool setConfigVars(SimProcess &sim, const QString &app, const QJsonObject &vars)
{
    SimHttp http(sim);
    const SimHttp::Reply reply =
        http.send("PATCH", QStringLiteral("/apps/%1/config-vars").arg(app),
                  QJsonDocument(vars).toJson(QJsonDocument::Compact), {{"Content-Type", "application/json"}});
    return reply.status == 200;
}

// Every stdout line parsed as a JSON object; an empty list when one is not.
inline QList<QJsonObject> jsonLines(const QString &out)
{
    QList<QJsonObject> lines;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            qWarning("a stdout line is not a JSON object");
            return {};
        }
        lines << document.object();
    }
    return lines;
}

} // namespace DbTestEnv
