// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/ClearDbPlans.h"
#include "heroku/HerokuResources.h"

#include <QAbstractListModel>
#include <QList>

class QJsonArray;

// The ClearDB plans for the plan pickers (provision, change plan): what Heroku's plans API
// says (name, price; GET /addon-services/cleardb/plans) next to ClearDB's limits (storage,
// connections) from ClearDbPlans, which the API does not publish.
//
//     PlanListModel plans;
//     plans.setPlans(result.array());          // the plans API answer
//     combo->setModel(&plans);                 // "Punch — $9.99/month · 1 GB, 15 connections"
//     plans.planAt(row).api.name;              // "cleardb:punch", what the API takes
//
// Plans keep the API's order sorted by price, cheapest first. A plan ClearDbPlans does not
// know keeps its price and says its limits are unknown instead of guessing.
class PlanListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    struct Entry
    {
        HerokuPlan api;
        std::optional<ClearDbPlan> limits;
    };
    enum Role
    {
        QualifiedNameRole = Qt::UserRole + 1,
    };

    explicit PlanListModel(QObject *parent = nullptr);

    void setPlans(const QJsonArray &plans);
    const Entry &planAt(int row) const { return m_entries.at(row); }
    int rowOf(const QString &planName) const; // "punch" or "cleardb:punch"; -1 when absent
    int defaultRow() const;

    // "1 GB storage, 15 connections" ("about 10 connections" when not published).
    static QString limitsText(const std::optional<ClearDbPlan> &limits);
    // "5 MB", "1 GB".
    static QString sizeText(int megabytes);
    // "+$90.00/month", "−$40.00/month", "no change".
    static QString priceDifferenceText(int fromCents, int toCents);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};
