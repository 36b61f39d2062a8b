// SPDX-License-Identifier: MIT
#pragma once

#include "usage/DatabaseUsage.h"

#include <QAbstractTableModel>

// The tables of one database, the largest first, for the Usage tab: name, size (data + index), data,
// index and InnoDB's row estimate. Qt::UserRole gives the raw number of a figure column, so a view
// or proxy can sort by size rather than by text.
class TableSizeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Size,
        Data,
        Index,
        Rows,
        ColumnCount
    };

    explicit TableSizeModel(QObject *parent = nullptr);

    void setTables(const QList<DatabaseUsage::Table> &tables);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DatabaseUsage::Table> m_tables;
};
