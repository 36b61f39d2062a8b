// SPDX-License-Identifier: MIT
#include "sim/provisioning/SandboxDatabaseProvisioner.h"

#include "dburl/DatabaseUrl.h"
#include "heroku/ClearDbPlans.h"
#include "sandbox/SandboxCluster.h"
#include "sim/provisioning/FakeDatabaseUrls.h"

#include <QRandomGenerator>

SandboxDatabaseProvisioner::SandboxDatabaseProvisioner(SandboxCluster *cluster, QObject *parent)
    : DatabaseProvisioner(parent), m_cluster(cluster)
{
    m_cluster->setParent(this);
    connect(m_cluster, &SandboxCluster::databaseCreated, this,
            &SandboxDatabaseProvisioner::onDatabaseCreated);
    connect(m_cluster, &SandboxCluster::databaseFilled, this, &SandboxDatabaseProvisioner::onDatabaseFilled);
}

void SandboxDatabaseProvisioner::provision(const QString &addonId, const QString &plan, qint64 seedBytes)
{
    // Real credentials on a real server: the password comes from the system's CSPRNG.
    QRandomGenerator *rng = QRandomGenerator::system();
    Pending pending{addonId, FakeDatabaseUrls::hex(*rng, 14), FakeDatabaseUrls::hex(*rng, 16), seedBytes};
    QString database;
    do
        database = QStringLiteral("heroku_") + FakeDatabaseUrls::hex(*rng, 15);
    while (m_pending.contains(database));
    m_pending.insert(database, pending);
    // createDatabase() answers asynchronously (a queued cluster.sh run), as the interface requires.
    const std::optional<ClearDbPlan> known = ClearDbPlans::find(plan);
    m_cluster->createDatabase(database, pending.user, pending.password, known ? known->maxConnections : 0);
}

void SandboxDatabaseProvisioner::onDatabaseCreated(const SandboxResult &result)
{
    const auto it = m_pending.constFind(result.database);
    if (it == m_pending.constEnd())
        return;
    const Pending pending = *it;
    if (result.ok() && pending.seedBytes > 0) {
        // Still pending: the fill answers with the same database name.
        m_cluster->fillDatabase(result.database, pending.seedBytes);
        return;
    }
    finish(result, QStringLiteral("the sandbox cluster could not create the database: "));
}

void SandboxDatabaseProvisioner::onDatabaseFilled(const SandboxResult &result)
{
    finish(result, QStringLiteral("the sandbox cluster could not fill the database with sample data: "));
}

void SandboxDatabaseProvisioner::finish(const SandboxResult &result, const QString &failure)
{
    const auto it = m_pending.constFind(result.database);
    if (it == m_pending.constEnd())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (!result.ok()) {
        // cluster.sh reads the password from stdin and never prints it, so its error line is safe to show.
        Q_EMIT failed(pending.addonId, failure + result.error().oneLine());
        return;
    }
    publish(pending, result);
}

void SandboxDatabaseProvisioner::publish(const Pending &pending, const SandboxResult &result)
{
    DatabaseUrl url;
    url.setUser(pending.user);
    url.setPassword(pending.password);
    url.setHost(result.status.host);
    url.setPort(result.status.routedPort);
    url.setDatabase(result.database);
    url.addOption(QStringLiteral("reconnect"), QStringLiteral("true"));
    url.addOption(QStringLiteral("ssl-ca"), result.status.caFile);
    const DatabaseUrl::ParseResult built = url.validated();
    if (!built.ok()) {
        Q_EMIT failed(pending.addonId,
                      QStringLiteral("cannot build the database URL: ") + built.error.message);
        return;
    }
    Q_EMIT provisioned(pending.addonId, built.url.toString());
}

void SandboxDatabaseProvisioner::deprovision(const QString &addonId, const QString &databaseUrl)
{
    // The database stays until the sandbox directory is removed (see the class comment).
    Q_UNUSED(addonId)
    Q_UNUSED(databaseUrl)
}
