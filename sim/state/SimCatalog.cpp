// SPDX-License-Identifier: MIT
#include "sim/state/SimCatalog.h"

#include "heroku/ClearDbPlans.h"

#include <QUuid>

QString SimCatalog::stableId(const QString &kind, const QString &name)
{
    static const QUuid ns(QStringLiteral("6f0d2c5e-4b7a-4c1e-9a55-2f5b6c7d8e90"));
    return QUuid::createUuidV5(ns, kind + QLatin1Char(':') + name).toString(QUuid::WithoutBraces);
}

QDateTime SimCatalog::catalogDate()
{
    return QDateTime(QDate(2012, 6, 1), QTime(0, 0), Qt::UTC);
}

SimCatalog::SimCatalog()
{
    Service cleardb;
    cleardb.name = ClearDbPlans::serviceName();
    cleardb.humanName = ClearDbPlans::serviceHumanName();
    cleardb.attachmentPrefix = QStringLiteral("CLEARDB_DATABASE");
    for (const ClearDbPlan &p : ClearDbPlans::all()) {
        cleardb.plans.append({stableId(QStringLiteral("plan"), p.qualifiedName()), p.qualifiedName(),
                              p.humanName, p.description, p.priceCents,
                              p.name == ClearDbPlans::defaultPlan().name});
    }
    Service postgres;
    postgres.name = QStringLiteral("heroku-postgresql");
    postgres.humanName = QStringLiteral("Heroku Postgres");
    postgres.attachmentPrefix = QStringLiteral("DATABASE");
    // Heroku Postgres "essential" tier prices as published on the add-on page.
    const QList<std::pair<QString, int>> pg = {{QStringLiteral("essential-0"), 500},
                                               {QStringLiteral("essential-1"), 900},
                                               {QStringLiteral("standard-0"), 5000}};
    for (const auto &[name, cents] : pg) {
        const QString qualified = postgres.name + QLatin1Char(':') + name;
        postgres.plans.append({stableId(QStringLiteral("plan"), qualified), qualified, name,
                               QStringLiteral("Heroku Postgres ") + name, cents, name == pg.first().first});
    }
    for (Service *s : {&cleardb, &postgres}) {
        s->id = stableId(QStringLiteral("service"), s->name);
        m_services.append(*s);
    }
}

const SimCatalog::Service *SimCatalog::service(const QString &idOrName) const
{
    for (const Service &s : m_services) {
        if (s.id == idOrName || s.name == idOrName)
            return &s;
    }
    return nullptr;
}

const SimCatalog::Plan *SimCatalog::plan(const QString &idOrName, const QString &service) const
{
    const QString qualified = (!service.isEmpty() && !idOrName.contains(QLatin1Char(':')))
                                  ? service + QLatin1Char(':') + idOrName
                                  : idOrName;
    for (const Service &s : m_services) {
        for (const Plan &p : s.plans) {
            if (p.id == idOrName || p.name == qualified)
                return &p;
        }
    }
    // "cleardb" alone means the service's default plan, as `heroku addons:create cleardb` does.
    if (const Service *s = this->service(idOrName)) {
        for (const Plan &p : s->plans) {
            if (p.isDefault)
                return &p;
        }
    }
    return nullptr;
}

const SimCatalog::Service *SimCatalog::serviceOfPlan(const QString &qualifiedPlan) const
{
    return service(qualifiedPlan.section(QLatin1Char(':'), 0, 0));
}
