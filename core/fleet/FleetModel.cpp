// SPDX-License-Identifier: MIT
#include "fleet/FleetModel.h"

#include "fleet/FleetExport.h"
#include "fleet/FleetLoader.h"

namespace {
FleetRow withoutUrl(FleetRow row)
{
    row.url = Secret();
    return row;
}
} // namespace

FleetModel::FleetModel(QObject *parent) : QAbstractTableModel(parent) {}

void FleetModel::track(FleetLoader *loader)
{
    connect(loader, &FleetLoader::started, this, &FleetModel::clear);
    connect(loader, &FleetLoader::rowsAdded, this,
            [this, loader](int first, int count) { appendRows(loader->rows().mid(first, count)); });
    connect(loader, &FleetLoader::rowChanged, this,
            [this, loader](int row) { updateRow(row, loader->rows().at(row)); });
}

void FleetModel::appendRows(const QList<FleetRow> &rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (const FleetRow &row : rows)
        m_rows << withoutUrl(row);
    endInsertRows();
}

void FleetModel::updateRow(int row, const FleetRow &value)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row] = withoutUrl(value);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void FleetModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

qint64 FleetModel::totalMonthlyCents() const
{
    return FleetExport::totalMonthlyCents(m_rows);
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FleetModel::text(const FleetRow &row, int column)
{
    switch (column) {
    case AppColumn:
        return row.app;
    case AddonColumn:
        return row.addonName;
    case PlanColumn:
        return row.planShortName();
    case PriceColumn:
        return row.priceText();
    case DatabaseUrlColumn:
        return row.databaseUrlText();
    case ReachableColumn:
        return row.reachableText();
    case StorageColumn:
        return row.storageText();
    case ConnectionsColumn:
        return row.connectionsText();
    case FindingsColumn:
        return row.findingText();
    default:
        return {};
    }
}

QString FleetModel::toolTip(const FleetRow &row, int column) const
{
    switch (column) {
    case AddonColumn:
        return tr("%1 (%2), owns %3").arg(row.addonName, row.addonId, row.configVar);
    case PlanColumn:
        return row.plan ? tr("%1: %2").arg(row.plan->qualifiedName(), row.plan->description) : row.planName;
    case DatabaseUrlColumn:
        switch (row.databaseUrl) {
        case FleetRow::UrlState::Promoted:
            return tr("DATABASE_URL of %1 is this add-on's %2").arg(row.app, row.configVar);
        case FleetRow::UrlState::Elsewhere:
            return tr("DATABASE_URL of %1 points at another database").arg(row.app);
        case FleetRow::UrlState::Unset:
            return tr("%1 has no DATABASE_URL").arg(row.app);
        case FleetRow::UrlState::Unknown:
            return tr("not known until %1's config vars are read").arg(row.app);
        }
        return {};
    case ReachableColumn:
        return row.stateLine.isEmpty() ? row.reachableText()
                                       : tr("%1: %2").arg(row.reachableText(), row.stateLine);
    default:
        return text(row, column);
    }
}

QVariant FleetModel::sortKey(const FleetRow &row, int column) const
{
    switch (column) {
    case PriceColumn:
        return qlonglong(row.priceCents);
    case StorageColumn:
        return qlonglong(row.usedBytes);
    case ConnectionsColumn:
        return row.connectionsInUse;
    case FindingsColumn:
        return row.isRead() ? int(row.worstLevel) : -1;
    case ReachableColumn:
        return int(row.probe);
    default:
        return text(row, column);
    }
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SortRole:
        return sortKey(row, index.column());
    case LevelRole:
        return row.isRead() ? int(row.worstLevel) : -1;
    case PriceCentsRole:
        return row.priceCents;
    case UsedBytesRole:
        return qlonglong(row.usedBytes);
    case ProbeStateRole:
        return int(row.probe);
    case AppNameRole:
        return row.app;
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(section);
}

QString FleetModel::columnTitle(int column)
{
    switch (column) {
    case AppColumn:
        return tr("App");
    case AddonColumn:
        return tr("Add-on");
    case PlanColumn:
        return tr("Plan");
    case PriceColumn:
        return tr("$/month");
    case DatabaseUrlColumn:
        return tr("DATABASE_URL");
    case ReachableColumn:
        return tr("Reachable");
    case StorageColumn:
        return tr("Storage");
    case ConnectionsColumn:
        return tr("Connections");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}
