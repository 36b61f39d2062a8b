// SPDX-License-Identifier: MIT
#pragma once

#include "sim/provisioning/DatabaseProvisioner.h"

// The default DatabaseProvisioner: after `delayMs` it reports a ClearDB-shaped URL that points at no
// real server. The delay models ClearDB's asynchronous provisioning (heroku-sim --provision-delay).
class FakeClearDbProvisioner : public DatabaseProvisioner
{
    Q_OBJECT
public:
    explicit FakeClearDbProvisioner(int delayMs, QObject *parent = nullptr);

    void provision(const QString &addonId, const QString &plan, qint64 seedBytes) override;
    void deprovision(const QString &addonId, const QString &databaseUrl) override;

private:
    int m_delayMs;
};
