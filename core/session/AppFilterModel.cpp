// SPDX-License-Identifier: MIT
#include "session/AppFilterModel.h"

#include "session/AppListModel.h"

AppFilterModel::AppFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AppFilterModel::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_name)
        return;
    m_name = trimmed;
    invalidateFilter();
}

void AppFilterModel::setTeamScope(Scope scope, const QString &team)
{
    const QString kept = scope == TeamApps ? team : QString();
    if (scope == m_scope && kept == m_team)
        return;
    m_scope = scope;
    m_team = kept;
    invalidateFilter();
}

bool AppFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, AppListModel::NameColumn, sourceParent);
    if (!m_name.isEmpty() &&
        !index.data(AppListModel::AppNameRole).toString().contains(m_name, Qt::CaseInsensitive))
        return false;
    const QString team = index.data(AppListModel::TeamRole).toString();
    switch (m_scope) {
    case AllApps:
        return true;
    case PersonalApps:
        return team.isEmpty();
    case TeamApps:
        return team == m_team;
    }
    return true;
}
