// SPDX-License-Identifier: MIT
#include "session/AppListModel.h"

#include <QDateTime>

AppListModel::AppListModel(QObject *parent) : QAbstractTableModel(parent) {}

void AppListModel::setApps(QList<HerokuApp> apps)
{
    beginResetModel();
    m_apps = std::move(apps);
    endResetModel();
}

void AppListModel::clear()
{
    setApps({});
}

int AppListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_apps.size(); ++row) {
        if (m_apps.at(row).name == name)
            return row;
    }
    return -1;
}

int AppListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_apps.size());
}

int AppListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HerokuApp &app = m_apps.at(index.row());
    if (role == AppNameRole)
        return app.name;
    if (role == TeamRole)
        return app.teamName;
    if (role == Qt::ToolTipRole) {
        if (!app.teamName.isEmpty())
            return tr("%1, team %2").arg(app.name, app.teamName);
        return app.ownerEmail.isEmpty() ? app.name : tr("%1, owned by %2").arg(app.name, app.ownerEmail);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return app.name;
    case RegionColumn:
        return app.region;
    case UpdatedColumn: {
        // updated_at is ISO 8601 in UTC; the date alone is what a list needs, and
        // "yyyy-MM-dd" still sorts correctly as text in the proxy.
        const QDateTime updated = QDateTime::fromString(app.updatedAt, Qt::ISODate);
        return updated.isValid() ? updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : QString();
    }
    default:
        return {};
    }
}

QVariant AppListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("App");
    case RegionColumn:
        return tr("Region");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}
