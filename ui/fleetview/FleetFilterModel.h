// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

// The fleet table's sorting and filtering: words match any column (app, add-on, plan, findings, …),
// case-insensitively; "only problems" keeps the rows that need a look (a warning, an alert, an
// unreachable database or a failed read). Sorting uses FleetModel::SortRole, so sizes, percentages
// and prices sort as numbers. The findings column gets the level's icon (core's model has no GUI types).
class FleetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetFilterModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setOnlyProblems(bool only);
    bool onlyProblems() const { return m_onlyProblems; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_onlyProblems = false;
};
