// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QAbstractTableModel>
#include <QList>

// The account's Heroku apps as a flat table (name, region, last update) for the
// app list. The whole list is replaced at once with setApps() after GET /apps,
// in one model reset, so a view over 2,000 apps relayouts once instead of 2,000
// times. Filtering and sorting belong to a QSortFilterProxyModel on top; this
// model keeps the API's order and never talks to the network itself.
class AppListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        RegionColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        AppNameRole = Qt::UserRole + 1, // the app name, whatever the column
        TeamRole,                       // the owning team's name; empty for a personal app
    };

    explicit AppListModel(QObject *parent = nullptr);

    void setApps(QList<HerokuApp> apps);
    void clear();
    const QList<HerokuApp> &apps() const { return m_apps; }
    // Row of the app called `name`, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HerokuApp> m_apps;
};
