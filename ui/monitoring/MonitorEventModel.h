// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorEvent.h"

#include <QAbstractTableModel>
#include <QList>

// The monitor view's event list: one row per MonitorEvent (failover, failback, outage started/ended,
// persistent connection dropped, the canary's replication lag or why it was not measured), newest last, with
// local time, what happened, where it was seen, the server ids before and after, and the detail. Rows are
// only appended or all cleared, so views keep their selection while events arrive.
class MonitorEventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        EventColumn,
        TargetColumn,
        ServersColumn,
        DetailColumn,
        ColumnCount
    };
    // The event kind as MonitorEvent::Kind, for colouring and tests.
    static constexpr int KindRole = Qt::UserRole + 1;
    // A ReplicationLag row's lag in ms (double); invalid on other rows.
    static constexpr int LagRole = Qt::UserRole + 2;

    explicit MonitorEventModel(QObject *parent = nullptr);

    void append(const MonitorEvent &event);
    void clear();
    const QList<MonitorEvent> &events() const { return m_events; }
    // "Failover", "Failback", ... for people.
    static QString kindTitle(MonitorEvent::Kind kind);
    // "routed endpoint", "primary's own port", ...: where the monitor saw the event.
    static QString endpointTitle(const QString &target);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MonitorEvent> m_events;
};
