// SPDX-License-Identifier: MIT
#include "monitoring/MonitorEventModel.h"

#include "monitor/FailoverDetector.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

MonitorEventModel::MonitorEventModel(QObject *parent) : QAbstractTableModel(parent) {}

QString MonitorEventModel::kindTitle(MonitorEvent::Kind kind)
{
    switch (kind) {
    case MonitorEvent::Kind::Failover:
        return tr("Failover");
    case MonitorEvent::Kind::Failback:
        return tr("Failback");
    case MonitorEvent::Kind::OutageStarted:
        return tr("No answer");
    case MonitorEvent::Kind::OutageEnded:
        return tr("Answers again");
    case MonitorEvent::Kind::ConnectionDropped:
        return tr("Connection dropped");
    case MonitorEvent::Kind::ReplicationLag:
        return tr("Replication lag");
    case MonitorEvent::Kind::CanaryFailed:
        return tr("Lag not measured");
    }
    return QString();
}

QString MonitorEventModel::endpointTitle(const QString &target)
{
    // The event belongs to the cluster; the endpoint is only where the monitor saw the proof. A bare
    // "primary" or "routed" beside "Failover" read as the name of the event.
    if (target == FailoverDetector::routedTarget())
        return tr("routed endpoint");
    if (target == FailoverDetector::primaryTarget())
        return tr("primary's own port");
    if (target == FailoverDetector::secondaryTarget())
        return tr("secondary's own port");
    return target;
}

void MonitorEventModel::append(const MonitorEvent &event)
{
    beginInsertRows(QModelIndex(), int(m_events.size()), int(m_events.size()));
    m_events.append(event);
    endInsertRows();
}

void MonitorEventModel::clear()
{
    if (m_events.isEmpty())
        return;
    beginResetModel();
    m_events.clear();
    endResetModel();
}

int MonitorEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int MonitorEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MonitorEventModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MonitorEvent &event = m_events.at(index.row());
    if (role == KindRole)
        return int(event.kind);
    if (role == LagRole)
        return event.kind == MonitorEvent::Kind::ReplicationLag ? QVariant(event.lagMs) : QVariant();
    if (role == Qt::ForegroundRole && index.column() == EventColumn) {
        if (event.kind == MonitorEvent::Kind::Failover || event.kind == MonitorEvent::Kind::OutageStarted ||
            event.kind == MonitorEvent::Kind::CanaryFailed)
            return QBrush(QColor(0xda, 0x44, 0x53));
        if (event.kind == MonitorEvent::Kind::Failback || event.kind == MonitorEvent::Kind::OutageEnded)
            return QBrush(QColor(0x27, 0xae, 0x60));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(event.atMs).time(),
                                  QStringLiteral("HH:mm:ss.zzz"));
    case EventColumn:
        return kindTitle(event.kind);
    case TargetColumn:
        return endpointTitle(event.target);
    case ServersColumn:
        if (event.fromServerId < 0 && event.toServerId < 0)
            return QString();
        return tr("%1 → %2").arg(event.fromServerId < 0 ? tr("none") : QString::number(event.fromServerId),
                                 event.toServerId < 0 ? tr("none") : QString::number(event.toServerId));
    case DetailColumn:
        return event.detail;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MonitorEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case TargetColumn:
        return tr("Seen on");
    case ServersColumn:
        return tr("Server");
    case DetailColumn:
        return tr("Detail");
    case ColumnCount:
        break;
    }
    return {};
}
