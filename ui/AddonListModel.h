// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

// The add-ons of one app (name, plan, state) for the details panel. ClearDB
// add-ons, the ones this console exists for, get their own icon and bold text so
// they stand out among Papertrail and Redis. Replaced as a whole by setAddons().
class AddonListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        PlanColumn,
        StateColumn,
        ColumnCount
    };

    explicit AddonListModel(QObject *parent = nullptr);

    void setAddons(QList<HerokuAddon> addons);
    void clear();
    const QList<HerokuAddon> &addons() const { return m_addons; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<HerokuAddon> m_addons;
    QIcon m_clearDbIcon;
    QIcon m_addonIcon;
};
