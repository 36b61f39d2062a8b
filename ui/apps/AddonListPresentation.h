// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QIdentityProxyModel>

// How the add-on list looks: ClearDB add-ons, the ones this console exists for, get their own icon
// and bold text so they stand out among Papertrail and Redis. The data stays in core's
// AddonListModel, which knows nothing of icons or fonts.
class AddonListPresentation : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit AddonListPresentation(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QIcon m_clearDbIcon;
    QIcon m_addonIcon;
};
