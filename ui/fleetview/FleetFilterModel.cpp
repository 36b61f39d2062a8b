// SPDX-License-Identifier: MIT
#include "fleetview/FleetFilterModel.h"

#include "fleet/FleetModel.h"
#include "fleet/FleetRow.h"
#include "usage/UsageRules.h"

FleetFilterModel::FleetFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::SortRole);
    setDynamicSortFilter(true);
}

void FleetFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void FleetFilterModel::setOnlyProblems(bool only)
{
    m_onlyProblems = only;
    invalidateRowsFilter();
}

bool FleetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_onlyProblems) {
        const QModelIndex first = model->index(sourceRow, 0, sourceParent);
        const int level = first.data(FleetModel::LevelRole).toInt();
        const auto state = FleetRow::ProbeState(first.data(FleetModel::ProbeStateRole).toInt());
        if (level < int(UsageFinding::Level::Warning) && state != FleetRow::ProbeState::Unreachable)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
