// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

// What the app list shows of an AppListModel: the apps whose name contains a text
// (case-insensitive) and that belong to the chosen owner — every app, personal apps
// (no team) or one team's apps (AppListModel::TeamRole). Sorting is the
// QSortFilterProxyModel's. Filtering happens in memory; changing a filter
// re-filters once, so 2,000 apps cost one pass.
//
//     AppFilterModel filter;
//     filter.setSourceModel(catalog.apps());
//     filter.setTeamScope(AppFilterModel::Team, QStringLiteral("acme-data"));
//     filter.setNameFilter(QStringLiteral("staging"));
class AppFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Scope
    {
        AllApps,
        PersonalApps,
        TeamApps,
    };

    explicit AppFilterModel(QObject *parent = nullptr);

    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_name; }
    // `team` is used with TeamApps only (a team name as GET /teams spells it).
    void setTeamScope(Scope scope, const QString &team = QString());
    Scope scope() const { return m_scope; }
    QString team() const { return m_team; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_name;
    Scope m_scope = AllApps;
    QString m_team;
};
