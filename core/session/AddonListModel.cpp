// SPDX-License-Identifier: MIT
#include "session/AddonListModel.h"

AddonListModel::AddonListModel(QObject *parent) : QAbstractTableModel(parent) {}

void AddonListModel::setAddons(QList<HerokuAddon> addons)
{
    beginResetModel();
    m_addons = std::move(addons);
    endResetModel();
}

void AddonListModel::clear()
{
    setAddons({});
}

int AddonListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_addons.size());
}

int AddonListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AddonListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HerokuAddon &addon = m_addons.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return addon.name;
        case PlanColumn:
            return addon.planName;
        case StateColumn:
            return addon.state;
        default:
            return {};
        }
    case IsClearDbRole:
        return addon.isClearDb();
    case Qt::ToolTipRole:
        if (!addon.configVars.isEmpty())
            return tr("Sets %1").arg(addon.configVars.join(QStringLiteral(", ")));
        return {};
    default:
        return {};
    }
}

QVariant AddonListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Add-on");
    case PlanColumn:
        return tr("Plan");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}
