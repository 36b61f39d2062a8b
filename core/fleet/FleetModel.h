// SPDX-License-Identifier: MIT
#pragma once

#include "fleet/FleetRow.h"

#include <QAbstractTableModel>
#include <QList>

class FleetLoader;

// The fleet as a table for the console: one row per ClearDB add-on, filled as FleetLoader learns more.
// Rows arrive in batches (one beginInsertRows() per batch) and each later change repaints its own row
// only (dataChanged() over that row), so a view stays put while a hundred reads come in.
//
//     FleetModel model;
//     model.track(loader);                      // or appendRows()/updateRow() by hand
//     proxy.setSourceModel(&model);             // QSortFilterProxyModel
//     proxy.setSortRole(FleetModel::SortRole);  // numbers sort as numbers
//
// Display texts are short; Qt::ToolTipRole has the whole text of a cell. SortRole gives a number where
// the column is one (bytes used, percent, price in cents, level) and the text otherwise. The model
// keeps no URL: rows are stored with theirs dropped, so no role can ever return one.
class FleetModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AppColumn,
        AddonColumn,
        PlanColumn,
        PriceColumn,
        DatabaseUrlColumn,
        ReachableColumn,
        StorageColumn,
        ConnectionsColumn,
        FindingsColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // a number for numeric columns, the text otherwise
        LevelRole,                   // UsageFinding::Level as int, -1 until read
        PriceCentsRole,              // -1 when unknown
        UsedBytesRole,               // -1 until read
        ProbeStateRole,              // FleetRow::ProbeState as int
        AppNameRole,                 // the app, whatever the column
    };

    explicit FleetModel(QObject *parent = nullptr);

    // Follows a loader: its batches become inserted rows, its changes row updates; start() again resets.
    void track(FleetLoader *loader);
    void appendRows(const QList<FleetRow> &rows);
    void updateRow(int row, const FleetRow &value);
    void clear();

    const QList<FleetRow> &rows() const { return m_rows; }
    // A cell's display text and a column's title: the same for the console's table and cleardbctl's.
    static QString text(const FleetRow &row, int column);
    static QString columnTitle(int column);
    // What the rows whose price is known cost a month, in cents.
    qint64 totalMonthlyCents() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString toolTip(const FleetRow &row, int column) const;
    QVariant sortKey(const FleetRow &row, int column) const;

    QList<FleetRow> m_rows;
};
