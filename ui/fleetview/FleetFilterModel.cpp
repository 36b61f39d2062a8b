// SPDX-License-Identifier: MIT
#include "fleetview/FleetFilterModel.h"

#include "fleet/FleetModel.h"
#include "fleet/FleetRow.h"
#include "usage/UsageRules.h"

#include <QApplication>
#include <QStyle>

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

QVariant FleetFilterModel::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole || index.column() != FleetModel::FindingsColumn)
        return QSortFilterProxyModel::data(index, role);
    const int level = index.data(FleetModel::LevelRole).toInt();
    const auto state = FleetRow::ProbeState(index.data(FleetModel::ProbeStateRole).toInt());
    QStyle *style = QApplication::style();
    if (state == FleetRow::ProbeState::Unreachable || level == int(UsageFinding::Level::Alert))
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    if (level == int(UsageFinding::Level::Warning))
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    return {};
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
