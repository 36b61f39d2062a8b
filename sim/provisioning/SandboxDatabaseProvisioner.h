// SPDX-License-Identifier: MIT
#pragma once

#include "sim/provisioning/DatabaseProvisioner.h"

#include <QHash>

class SandboxCluster;
struct SandboxResult;

// The DatabaseProvisioner behind `heroku-sim --sandbox-cluster DIR`: every ClearDB add-on gets a real
// database and user on the sandbox pair (scripts/sandbox/cluster.sh provision-db, through
// SandboxCluster::createDatabase), named the way ClearDB names them (user: 14 hex characters, password:
// 16 hex characters from the system CSPRNG, database: heroku_<15 hex>). The add-on's
// CLEARDB_DATABASE_URL points at the HAProxy endpoint:
//
//     mysql://<user>:<password>@127.0.0.1:<routed port>/heroku_<hex>?reconnect=true&ssl-ca=<DIR>/tls/ca.pem
//
// Unlike a real ClearDB URL it carries `ssl-ca`: the sandbox CA is generated per machine, and with it in
// the URL every client that reads the option (cleardbctl probe, dj-database-url's OPTIONS['ssl'], the
// mysql client) verifies TLS without extra setup; real ClearDB hands its CA out as a separate download.
// The user gets its plan's connection limit (ClearDbPlans' maxConnections as MAX_USER_CONNECTIONS), so
// the console sees the limit a ClearDB user has. A seeded add-on with a data size (SimAddon::seedBytes)
// gets sample tables of that size (cluster.sh fill-db) before it turns "provisioned": the URL appears
// with the data behind it, so the usage views never show an empty database that fills a moment later.
// The add-on turns "provisioned" only once the database (and its sample data) exists on both masters;
// if the script fails (sandbox stopped, ...) the add-on fails and the simulator drops it. Deprovisioning
// keeps the database: the sandbox is throw-away (`cluster.sh stop` and removing DIR clears it), and
// cluster.sh has no drop.
class SandboxDatabaseProvisioner : public DatabaseProvisioner
{
    Q_OBJECT
public:
    // `cluster` is driven from here (and re-parented to this object).
    explicit SandboxDatabaseProvisioner(SandboxCluster *cluster, QObject *parent = nullptr);

    void provision(const QString &addonId, const QString &plan, qint64 seedBytes) override;
    void deprovision(const QString &addonId, const QString &databaseUrl) override;

private:
    struct Pending
    {
        QString addonId;
        QString user;
        QString password;
        qint64 seedBytes = 0;
    };
    void onDatabaseCreated(const SandboxResult &result);
    void onDatabaseFilled(const SandboxResult &result);
    // The add-on's end: failed() with `failure` before the script's error line, or its URL published.
    void finish(const SandboxResult &result, const QString &failure);
    void publish(const Pending &pending, const SandboxResult &result);

    SandboxCluster *m_cluster;
    QHash<QString, Pending> m_pending; // by database name
};
