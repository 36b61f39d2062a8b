// SPDX-License-Identifier: MIT
#pragma once

#include "probe/MariaDbConnection.h"
#include "probe/ProbeError.h"
#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QString>
#include <QVariantList>

// One MySQL session for the worker thread that creates it (MariaDbConnection underneath, with its TLS
// and authentication rules): log in, identify the server, run statements with bound values.
// Errors come back as ProbeError attributed to the Auth (login) or Query stage.
class SqlSession
{
public:
    SqlSession();
    ~SqlSession();
    SqlSession(const SqlSession &) = delete;
    SqlSession &operator=(const SqlSession &) = delete;

    // Logs in; `elapsedMs` receives the time the login took (connect + greeting + TLS + auth).
    ProbeError open(const ProbeTarget &target, double *elapsedMs = nullptr);
    // The probe's login: to an already resolved address, with every stage timed and reported.
    ProbeError open(const ProbeTarget &target, const QString &address, MariaDbConnection::Login *login,
                    const MariaDbConnection::StageCallback &onStage);
    bool isOpen() const;
    void close();
    // SELECT @@server_id, @@hostname, @@version, @@read_only.
    ProbeError identify(ServerIdentity *identity, double *elapsedMs = nullptr);
    // Runs one statement; each `?` outside quotes takes the next of `values` as an escaped literal.
    // `firstRow` receives the first row if any.
    ProbeError exec(const QString &sql, const QVariantList &values = {}, QVariantList *firstRow = nullptr);
    // The same, keeping every row of the result (held in memory: catalog queries, not table data).
    ProbeError select(const QString &sql, const QVariantList &values, QList<QVariantList> *rows);
    // The column names of the last statement's result.
    const QStringList &columns() const { return m_connection.columns(); }

    // Initialises the client library (once per process), so a probe can do it in its worker thread
    // while the DNS lookup runs. Safe to call repeatedly.
    static void preloadDriver();

private:
    // `sql` with each `?` outside quotes replaced by the next of `values` as an escaped literal.
    ProbeError bind(const QString &sql, const QVariantList &values, QString *bound) const;

    MariaDbConnection m_connection;
};
