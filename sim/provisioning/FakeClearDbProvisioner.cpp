// SPDX-License-Identifier: MIT
#include "sim/provisioning/FakeClearDbProvisioner.h"

#include "sim/provisioning/FakeDatabaseUrls.h"

#include <QTimer>

FakeClearDbProvisioner::FakeClearDbProvisioner(int delayMs, QObject *parent)
    : DatabaseProvisioner(parent), m_delayMs(delayMs)
{
}

void FakeClearDbProvisioner::provision(const QString &addonId, const QString &plan, qint64 seedBytes)
{
    // Nothing to fill behind an invented URL.
    Q_UNUSED(plan)
    Q_UNUSED(seedBytes)
    QTimer::singleShot(m_delayMs, this, [this, addonId] {
        Q_EMIT provisioned(addonId, FakeDatabaseUrls::cleardb(*QRandomGenerator::global()));
    });
}

void FakeClearDbProvisioner::deprovision(const QString &addonId, const QString &databaseUrl)
{
    // Nothing exists behind a fake URL, so there is nothing to release.
    Q_UNUSED(addonId)
    Q_UNUSED(databaseUrl)
}
