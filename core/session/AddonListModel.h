// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QAbstractTableModel>
#include <QList>

// The add-ons of one app (name, plan, state) for the details panel, replaced as a whole by
// setAddons(). IsClearDbRole marks the add-ons this console exists for; the view's presentation
// (ui/apps/AddonListPresentation) gives them their icon and bold text.
class AddonListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role
    {
        IsClearDbRole = Qt::UserRole + 1,
    };
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
};
