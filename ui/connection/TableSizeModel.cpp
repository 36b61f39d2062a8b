// SPDX-License-Identifier: MIT
#include "connection/TableSizeModel.h"

#include "transfer/PreflightRules.h"

#include <QLocale>

TableSizeModel::TableSizeModel(QObject *parent) : QAbstractTableModel(parent) {}

void TableSizeModel::setTables(const QList<DatabaseUsage::Table> &tables)
{
    beginResetModel();
    m_tables = tables;
    endResetModel();
}

int TableSizeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tables.size());
}

int TableSizeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableSizeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatabaseUsage::Table &t = m_tables.at(index.row());
    const qint64 figures[] = {0, t.bytes(), t.dataBytes, t.indexBytes, t.rowsEstimate};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Name)
            return t.name;
        if (index.column() == Rows)
            return QLocale().toString(t.rowsEstimate);
        return PreflightRules::bytesText(figures[index.column()]);
    case Qt::UserRole:
        return index.column() == Name ? QVariant(t.name) : QVariant(figures[index.column()]);
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == Rows)
            return tr("InnoDB's estimate, refreshed by ANALYZE TABLE; exact counts need a full scan.");
        return {};
    default:
        return {};
    }
}

QVariant TableSizeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Table");
    case Size:
        return tr("Size");
    case Data:
        return tr("Data");
    case Index:
        return tr("Indexes");
    case Rows:
        return tr("Rows (estimate)");
    default:
        return {};
    }
}
