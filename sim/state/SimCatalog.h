// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// The add-on services heroku-sim offers: "cleardb" (plans from core's ClearDbPlans, so the GUI and
// the simulator agree on prices and limits) and "heroku-postgresql" (so an app can hold a
// DATABASE_URL owned by another add-on). Ids are UUIDv5 of the names: stable across runs and
// state files. The catalog is fixed; it is not part of the --state file.
class SimCatalog
{
public:
    struct Plan
    {
        QString id;
        QString name; // qualified: "cleardb:punch"
        QString humanName;
        QString description;
        int priceCents = 0;
        bool isDefault = false;
    };
    struct Service
    {
        QString id;
        QString name;
        QString humanName;
        QString attachmentPrefix; // default attachment name: CLEARDB_DATABASE, DATABASE
        QList<Plan> plans;
    };

    SimCatalog();
    const QList<Service> &services() const { return m_services; }
    const Service *service(const QString &idOrName) const;
    // Accepts a plan id, "service:plan", or (with `service`) a bare plan name.
    const Plan *plan(const QString &idOrName, const QString &service = {}) const;
    const Service *serviceOfPlan(const QString &qualifiedPlan) const;
    static QDateTime catalogDate();
    static QString stableId(const QString &kind, const QString &name);

private:
    QList<Service> m_services;
};
