// SPDX-License-Identifier: MIT
#include "session/ConfigVarNameModel.h"

ConfigVarNameModel::ConfigVarNameModel(QObject *parent) : QAbstractTableModel(parent) {}

void ConfigVarNameModel::setNames(QStringList names)
{
    beginResetModel();
    m_names = std::move(names);
    m_names.sort();
    m_owners.clear();
    for (const QString &name : std::as_const(m_names))
        m_owners << ownerOfConfigVar(m_addons, name);
    endResetModel();
}

void ConfigVarNameModel::setAddons(const QList<HerokuAddon> &addons)
{
    m_addons = addons;
    updateOwners();
}

void ConfigVarNameModel::clear()
{
    m_addons.clear();
    setNames({});
}

void ConfigVarNameModel::updateOwners()
{
    for (int row = 0; row < m_names.size(); ++row)
        m_owners[row] = ownerOfConfigVar(m_addons, m_names.at(row));
    if (!m_names.isEmpty())
        Q_EMIT dataChanged(index(0, ManagedByColumn), index(rowCount() - 1, ManagedByColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole});
}

int ConfigVarNameModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_names.size());
}

int ConfigVarNameModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigVarNameModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &owner = m_owners.at(index.row());
    if (role == Qt::DisplayRole)
        return index.column() == NameColumn ? m_names.at(index.row()) : owner;
    // Heroku refuses writes to a var an add-on owns (and a hand edit would break
    // the add-on's link), which is worth saying where the name is shown.
    if (role == Qt::ToolTipRole && !owner.isEmpty())
        return tr("Set by the add-on %1; change it through the add-on, not by hand").arg(owner);
    return {};
}

QVariant ConfigVarNameModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == NameColumn)
        return tr("Config var");
    if (section == ManagedByColumn)
        return tr("Managed by");
    return {};
}
