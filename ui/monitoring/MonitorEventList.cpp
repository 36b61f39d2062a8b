// SPDX-License-Identifier: MIT
#include "monitoring/MonitorEventList.h"

#include "monitoring/MonitorEventModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>

MonitorEventList::MonitorEventList(MonitorEventModel *events, QWidget *parent)
    : QStackedWidget(parent), m_events(events), m_view(new QTreeView(this))
{
    m_view->setObjectName(QStringLiteral("monitorEvents"));
    m_view->setAccessibleName(tr("Monitor events"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setModel(events);
    m_view->header()->setSectionResizeMode(MonitorEventModel::DetailColumn, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(true);
    auto *empty = new QLabel(tr("No events yet. Failovers, failbacks and outages appear here with the time "
                                "and the servers involved."),
                             this);
    empty->setObjectName(QStringLiteral("monitorEventsEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    addWidget(empty);
    addWidget(m_view);
    setMinimumHeight(fontMetrics().height() * 7);
    connect(events, &QAbstractItemModel::rowsInserted, this, &MonitorEventList::showWhatThereIs);
    connect(events, &QAbstractItemModel::modelReset, this, &MonitorEventList::showWhatThereIs);
}

void MonitorEventList::showWhatThereIs()
{
    setCurrentIndex(m_events->rowCount() > 0 ? 1 : 0);
}
