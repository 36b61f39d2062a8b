// SPDX-License-Identifier: MIT
#include "activity/ActivityLogModel.h"

#include <QBrush>

namespace {
bool isFailedCall(const ApiCallRecord &record)
{
    return record.httpStatus == 0 || record.httpStatus >= 400;
}
} // namespace

bool ActivityLogModel::isFailure(const Row &row)
{
    return row.action ? row.failed : isFailedCall(row.call);
}

QString ActivityLogModel::resultText(const Row &row)
{
    return row.action ? row.outcome : resultText(row.call);
}

ActivityLogModel::ActivityLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{
}

void ActivityLogModel::append(const ApiCallRecord &record)
{
    appendRow({record, false, false, QString()});
}

void ActivityLogModel::appendAction(const QString &action, const QString &subject, const QString &outcome,
                                    bool failed, qint64 durationMs)
{
    Row row;
    row.call.startedAt = QDateTime::currentDateTime();
    row.call.method = action;
    row.call.path = subject;
    row.call.durationMs = durationMs;
    row.action = true;
    row.failed = failed;
    row.outcome = outcome;
    appendRow(row);
}

void ActivityLogModel::appendRow(const Row &entry)
{
    // Drop the oldest row first so the model never holds more than capacity() rows.
    if (m_rows.size() >= m_capacity) {
        beginRemoveRows(QModelIndex(), 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows(QModelIndex(), row, row);
    m_rows.append(entry);
    endInsertRows();
    if (isFailure(entry))
        Q_EMIT errorAppended(resultText(entry));
}

void ActivityLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
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
    const Row &entry = m_rows.at(row);
    const ApiCallRecord &r = entry.call;
    if (entry.action) {
        // "2026-12-05T15:00:01.000Z Backup app/addon user@host:3306/db -> /tmp/x.sql.gz — Done: …"
        return QStringLiteral("%1 %2 %3 — %4")
            .arg(r.startedAt.toUTC().toString(Qt::ISODateWithMs), r.method, r.path, entry.outcome);
    }
    QString text = QStringLiteral("%1 %2 %3 -> %4 (%5 ms)")
                       .arg(r.startedAt.toUTC().toString(Qt::ISODateWithMs), r.method, r.path,
                            r.httpStatus == 0 ? QStringLiteral("no answer") : QString::number(r.httpStatus))
                       .arg(r.durationMs);
    if (!r.requestId.isEmpty())
        text += QStringLiteral(" Request-Id: ") + r.requestId;
    if (isFailedCall(r))
        text += QStringLiteral(" — ") + resultText(r);
    return text;
}

int ActivityLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &entry = m_rows.at(index.row());
    const ApiCallRecord &r = entry.call;
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
            return r.durationMs < 0 ? QString() : tr("%1 ms").arg(r.durationMs);
        case ResultColumn:
            return resultText(entry);
        }
    } else if (role == Qt::ToolTipRole) {
        return supportText(index.row());
    } else if (role == Qt::ForegroundRole && isFailure(entry)) {
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
