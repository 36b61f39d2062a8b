// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

// Where heroku-sim gets the database behind a new ClearDB add-on.
//
// provision() starts the work and must answer later (never from inside the call) with exactly one
// provisioned() or failed() for that add-on id; the simulator keeps the add-on in state
// "provisioning" until then. deprovision() is called when the add-on is destroyed. The default
// implementation (FakeClearDbProvisioner) invents ClearDB-shaped URLs after a delay; a provisioner
// that creates a real database on a local MariaDB pair plugs in through this same interface.
class DatabaseProvisioner : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // `plan` is the qualified plan name, e.g. "cleardb:punch". `seedBytes` is how much sample data the
    // seed wants in the database before it counts as provisioned (SimAddon::seedBytes; 0 for add-ons
    // created through the API); a provisioner without real databases ignores it.
    virtual void provision(const QString &addonId, const QString &plan, qint64 seedBytes) = 0;
    virtual void deprovision(const QString &addonId, const QString &databaseUrl) = 0;

Q_SIGNALS:
    void provisioned(const QString &addonId, const QString &databaseUrl);
    // `message` is printed on heroku-sim's stderr: it must never contain a password or URL.
    void failed(const QString &addonId, const QString &message);
};
