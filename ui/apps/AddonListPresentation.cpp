// SPDX-License-Identifier: MIT
#include "apps/AddonListPresentation.h"

#include "session/AddonListModel.h"
#include "widgets/UiResources.h"

#include <QFont>

AddonListPresentation::AddonListPresentation(QObject *parent) : QIdentityProxyModel(parent)
{
    initUiResources();
    m_clearDbIcon = QIcon(QStringLiteral(":/icons/addon-cleardb.svg"));
    m_addonIcon = QIcon(QStringLiteral(":/icons/addon.svg"));
}

QVariant AddonListPresentation::data(const QModelIndex &index, int role) const
{
    const bool isClearDb = QIdentityProxyModel::data(index, AddonListModel::IsClearDbRole).toBool();
    switch (role) {
    case Qt::DecorationRole:
        if (index.column() == AddonListModel::NameColumn)
            return isClearDb ? m_clearDbIcon : m_addonIcon;
        return {};
    case Qt::FontRole:
        if (isClearDb) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return QIdentityProxyModel::data(index, role);
    }
}
