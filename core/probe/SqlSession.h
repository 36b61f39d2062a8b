// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"
#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QString>
#include <QVariantList>

// One QMYSQL connection, owned by the worker thread that creates it. Qt Sql connections may only be
// used in the thread that created them, so a session is created, used and destroyed in one thread;
// its connection name is unique per session and removed in the destructor.
// Errors come back as ProbeError attributed to the Auth (login) or Query stage.
class SqlSession
{
public:
    SqlSession();
    ~SqlSession();
    SqlSession(const SqlSession &) = delete;
    SqlSession &operator=(const SqlSession &) = delete;

    // Logs in; `elapsedMs` receives the time the driver took (connect + handshake + auth).
    ProbeError open(const ProbeTarget &target, double *elapsedMs = nullptr);
    bool isOpen() const;
    void close();
    // SELECT @@server_id, @@hostname, @@version, @@read_only.
    ProbeError identify(ServerIdentity *identity, double *elapsedMs = nullptr);
    // Runs one statement with positional bind values; `firstRow` receives the first row if any.
    ProbeError exec(const QString &sql, const QVariantList &values = {}, QVariantList *firstRow = nullptr);

    // Loads the QMYSQL plugin and the MySQL client library (a few ms the first time in a process), so a
    // probe can do it in its worker thread while the network stages run. Safe to call repeatedly.
    static void preloadDriver();

    // "MYSQL_OPT_CONNECT_TIMEOUT=5;MYSQL_OPT_READ_TIMEOUT=5;..." for the target (exposed for tests).
    static QString connectOptions(const ProbeTarget &target);

private:
    QString m_name;
};
