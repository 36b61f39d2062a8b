// SPDX-License-Identifier: MIT
#include "activity/ActivityLogModel.h"

#include <QBrush>

namespace {
bool isFailure(const ApiCallRecord &record)
{
    return record.httpStatus == 0 || record.httpStatus >= 400;
}
} // namespace

ActivityLogModel::ActivityLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

void ActivityLogModel::append(const ApiCallRecord &record)
{
    // Drop the oldest row first so the model never holds more than capacity() rows.
    if (m_records.size() >= m_capacity) {
        beginRemoveRows(QModelIndex(), 0, 0);
        m_records.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_records.size());
    beginInsertRows(QModelIndex(), row, row);
    m_records.append(record);
    endInsertRows();
    if (isFailure(record))
        Q_EMIT errorAppended(resultText(record));
}

void ActivityLogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

QString ActivityLogModel::resultText(const ApiCallRecord &record)
{
    // errorText is already one secret-free line (HerokuRequest builds it from HerokuError).
    if (!record.errorText.isEmpty())
        return record.errorText;
    const int status = record.httpStatus;
    if (status == 0)
        return tr("No answer from the API");
    if (status < 300)
        return tr("OK");
    if (status == 401)
        return tr("Not logged in: the token was refused");
    if (status == 403)
        return tr("Not allowed for this account");
    if (status == 404)
        return tr("Not found");
    if (status == 422)
        return tr("Refused: the request was not valid");
    if (status == 429)
        return tr("Rate limit reached: wait a minute");
    if (status >= 500)
        return tr("Heroku had a problem; try again later");
    return tr("Failed (HTTP %1)").arg(status);
}

QString ActivityLogModel::supportText(int row) const
{
    const ApiCallRecord &r = m_records.at(row);
    QString text = QStringLiteral("%1 %2 %3 -> %4 (%5 ms)")
                       .arg(r.startedAt.toUTC().toString(Qt::ISODateWithMs), r.method, r.path,
                            r.httpStatus == 0 ? QStringLiteral("no answer") : QString::number(r.httpStatus))
                       .arg(r.durationMs);
    if (!r.requestId.isEmpty())
        text += QStringLiteral(" Request-Id: ") + r.requestId;
    if (isFailure(r))
        text += QStringLiteral(" — ") + resultText(r);
    return text;
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiCallRecord &r = m_records.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return r.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case MethodColumn:
            return r.method;
        case PathColumn:
            return r.path;
        case StatusColumn:
            return r.httpStatus == 0 ? QStringLiteral("—") : QString::number(r.httpStatus);
        case RequestIdColumn:
            return r.requestId;
        case DurationColumn:
            return tr("%1 ms").arg(r.durationMs);
        case ResultColumn:
            return resultText(r);
        }
    } else if (role == Qt::ToolTipRole) {
        return supportText(index.row());
    } else if (role == Qt::ForegroundRole && isFailure(r)) {
        // A mid red that reads on the light and the dark palette alike.
        return QBrush(QColor(0xd0, 0x3c, 0x3c));
    } else if (role == Qt::TextAlignmentRole &&
               (index.column() == StatusColumn || index.column() == DurationColumn)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case RequestIdColumn:
        return tr("Request-Id");
    case DurationColumn:
        return tr("Duration");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}
