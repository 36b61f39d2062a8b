// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"
#include "probe/ProbeResult.h"
#include "probe/ProbeTarget.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <functional>

struct st_mysql;

// One MySQL connection through MariaDB Connector/C (libmariadb), owned and used by one thread; every
// probe, monitor and canary connection goes through it, so the connection that carries the password is
// the one whose TLS is reported.
//
//     MariaDbConnection connection;
//     MariaDbConnection::Login login;
//     ProbeError error = connection.open(target, address, &login, onStage);   // blocks, bounded
//     if (!error.isError()) error = connection.query(QStringLiteral("SELECT 1"), &row);
//
// Why Connector/C directly and not Qt's QMYSQL driver: QMYSQL offers no way to
//  - use TLS whenever the server offers it (it only sets SSL options when given a CA),
//  - refuse an AuthSwitchRequest to mysql_clear_password or dialog (it follows it, sending the password
//    unencrypted), nor to read which TLS version and certificate the logged-in connection negotiated,
//  - mark the stages of a login (TCP, greeting, TLS, authentication) or bound them in milliseconds.
// Connector/C's non-blocking API (mysql_real_connect_start/_cont) stops at every socket wait: open()
// marks the stage boundaries there, peeks at the server greeting (MySqlHandshake) before the library
// consumes it, and then decides what the login may do. Debian 12's Connector/C 3.3 treats
// MYSQL_OPT_SSL_ENFORCE as "TLS when offered" and only fails on a missing TLS when it also verifies the
// host name, so the greeting decides: a CA file without CLIENT_SSL stops before anything is sent, and
// MARIADB_OPT_RESTRICTED_AUTH allows the plugins that reveal the password to the server (clear text,
// dialog, caching_sha2/sha256 full authentication) only when TLS carries the login.
//
// With a CA file, Connector/C verifies the chain during the TLS handshake, before the password is sent;
// the host name is checked here afterwards, so ClearDB's "chain OK, hostname mismatch" certificates are
// reported as such instead of refused. It never reads ~/.my.cnf or other option files.
class MariaDbConnection
{
public:
    // What logging in found out: the stages timed so far, the greeting's fields and this connection's TLS.
    struct Login
    {
        QList<StageTiming> stages;
        ServerIdentity server;
        TlsCard tls;
    };
    using StageCallback = std::function<void(const StageTiming &)>;

    MariaDbConnection();
    ~MariaDbConnection();
    MariaDbConnection(const MariaDbConnection &) = delete;
    MariaDbConnection &operator=(const MariaDbConnection &) = delete;

    // Connects to `address` (an IP literal from an earlier lookup; empty = target.host) and logs in.
    // Each stage is bounded by target.timeoutMs; onStage is called as each one ends.
    ProbeError open(const ProbeTarget &target, const QString &address = {}, Login *login = nullptr,
                    const StageCallback &onStage = {});
    bool isOpen() const { return m_mysql != nullptr; }
    void close();
    // Runs one statement; `firstRow` receives the first row of a result (text values, NULL as an invalid
    // QVariant). A timeout or lost connection closes the connection.
    ProbeError query(const QString &sql, QVariantList *firstRow = nullptr);
    // The same, keeping every row: for small results only (catalog queries), as all of it is held.
    ProbeError queryRows(const QString &sql, QList<QVariantList> *rows);
    // The column names of the last statement's result (empty when it returned none).
    const QStringList &columns() const { return m_columns; }
    // `value` as an SQL literal for this connection: strings escaped for its character set, numbers bare.
    QString literal(const QVariant &value) const;

    // Initialises the client library once per process (mysql_library_init is not thread-safe).
    static void initLibrary();
    // The authentication plugins a login may use without and with TLS (MARIADB_OPT_RESTRICTED_AUTH).
    static const char *pluginsWithoutTls();
    static const char *pluginsWithTls();

private:
    ProbeError run(const QString &sql, QVariantList *firstRow, QList<QVariantList> *rows);
    void abandon(int status, const std::function<int(int)> &cont);
    // Runs a non-blocking call to completion within the timeout; false (and abandoned) when it ran out.
    bool drive(int status, const std::function<int(int)> &cont);
    ProbeError queryError();

    st_mysql *m_mysql = nullptr;
    int m_timeoutMs = 5000;
    QStringList m_columns;
};
