// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <optional>

// ClearDB's Heroku add-on plans: the one catalog both the GUI (limits, prices) and heroku-sim
// (the cleardb add-on service it serves) read.
//
// Figures come from notes/cleardb-facts.md: ignite, punch and drift sizes and prices are
// published; punch's 15 connections is ClearDB's documented max_user_connections. The connection
// limits of ignite, drift and scream and scream's size/price are not published with certainty; the
// values here are the commonly quoted ones and are marked `confirmed = false` so the UI can say
// "about". Lookups accept "punch" or "cleardb:punch".
struct ClearDbPlan
{
    QString name;       // "punch"
    QString humanName;  // "Punch"
    int priceCents = 0; // per month
    int storageMb = 0;
    int maxConnections = 0;
    bool confirmed = false; // whether all limits above are published by ClearDB
    QString description;

    QString qualifiedName() const { return QStringLiteral("cleardb:") + name; }
    // The storage quota in bytes (ClearDB's MB and GB taken as binary units), e.g. for a copy's pre-flight.
    qint64 storageBytes() const { return qint64(storageMb) * 1024 * 1024; }
};

class ClearDbPlans
{
public:
    static QString serviceName() { return QStringLiteral("cleardb"); }
    static QString serviceHumanName() { return QStringLiteral("ClearDB MySQL"); }
    static const QList<ClearDbPlan> &all();
    static std::optional<ClearDbPlan> find(const QString &name);
    static ClearDbPlan defaultPlan();
};
