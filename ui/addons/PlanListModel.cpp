// SPDX-License-Identifier: MIT
#include "addons/PlanListModel.h"

#include "heroku/PriceText.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

PlanListModel::PlanListModel(QObject *parent) : QAbstractListModel(parent) {}

void PlanListModel::setPlans(const QJsonArray &plans)
{
    beginResetModel();
    m_entries.clear();
    for (const QJsonValue &value : plans) {
        Entry entry;
        entry.api = HerokuPlan::fromJson(value.toObject());
        if (entry.api.name.isEmpty())
            continue;
        entry.limits = ClearDbPlans::find(entry.api.name);
        m_entries.append(entry);
    }
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry &a, const Entry &b) { return a.api.priceCents < b.api.priceCents; });
    endResetModel();
}

int PlanListModel::rowOf(const QString &planName) const
{
    const QString qualified = planName.contains(QLatin1Char(':'))
                                  ? planName
                                  : ClearDbPlans::serviceName() + QLatin1Char(':') + planName;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).api.name == qualified)
            return row;
    }
    return -1;
}

int PlanListModel::defaultRow() const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).api.isDefault)
            return row;
    }
    const int fallback = rowOf(ClearDbPlans::defaultPlan().name);
    return fallback >= 0 ? fallback : (m_entries.isEmpty() ? -1 : 0);
}

QString PlanListModel::sizeText(int megabytes)
{
    if (megabytes >= 1024 && megabytes % 1024 == 0)
        return tr("%1 GB").arg(megabytes / 1024);
    return tr("%1 MB").arg(megabytes);
}

QString PlanListModel::limitsText(const std::optional<ClearDbPlan> &limits)
{
    if (!limits)
        return tr("limits not published");
    // ClearDbPlans marks limits ClearDB does not publish; say "about" rather than promise.
    // Plans allow 10 connections or more, so the plural is the only form needed.
    const QString connections = limits->confirmed ? tr("%1 connections").arg(limits->maxConnections)
                                                  : tr("about %1 connections").arg(limits->maxConnections);
    return tr("%1 storage, %2").arg(sizeText(limits->storageMb), connections);
}

QString PlanListModel::priceDifferenceText(int fromCents, int toCents)
{
    const int diff = toCents - fromCents;
    if (diff == 0)
        return tr("no change in price");
    const int cents = diff < 0 ? -diff : diff;
    const QString amount = dollarsText(cents);
    return diff > 0 ? tr("+%1/month").arg(amount) : tr("−%1/month").arg(amount);
}

int PlanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant PlanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const QString human = entry.api.humanName.isEmpty() ? entry.api.shortName() : entry.api.humanName;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return tr("%1 — %2 · %3").arg(human, entry.api.priceText(), limitsText(entry.limits));
    case Qt::ToolTipRole:
        return entry.api.description.isEmpty() ? entry.api.name : entry.api.description;
    case QualifiedNameRole:
        return entry.api.name;
    }
    return {};
}
