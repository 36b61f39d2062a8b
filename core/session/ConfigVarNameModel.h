// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/HerokuResources.h"

#include <QAbstractTableModel>
#include <QStringList>

// The NAMES of one app's config vars and which add-on manages each, for the
// details panel. It holds no values at all: this window only lists names, so a
// value (CLEARDB_DATABASE_URL carries the database password) never reaches a
// model, a view, an accessibility tree or a screenshot. The masked value editor
// is a separate component.
//
// Names and add-ons arrive from two API calls in either order: setNames() and
// setAddons() each update what they know.
class ConfigVarNameModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ManagedByColumn,
        ColumnCount
    };

    explicit ConfigVarNameModel(QObject *parent = nullptr);

    void setNames(QStringList names);
    void setAddons(const QList<HerokuAddon> &addons);
    void clear();
    const QStringList &names() const { return m_names; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void updateOwners();

    QStringList m_names;
    QStringList m_owners; // parallel to m_names; empty when set by hand
    QList<HerokuAddon> m_addons;
};
