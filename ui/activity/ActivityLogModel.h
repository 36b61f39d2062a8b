// SPDX-License-Identifier: MIT
#pragma once

#include "heroku/ApiCallRecord.h"

#include <QAbstractTableModel>
#include <QList>

// Every HTTP exchange the console had with the Platform API, newest last, for the
// activity log dock: time, method, path, status, Request-Id, duration and, for
// failures, the error in plain words. Work the console does itself (a backup, a
// restore) appears between them as action rows: the action's name where the method
// goes, what it acted on where the path goes, and how it ended as the result.
//
//     ActivityLogModel log;
//     connect(client, &HerokuClient::exchanged, &log, &ActivityLogModel::append);
//     QString ticket = log.supportText(row);   // one line to paste into a support ticket
//
// It is bounded (capacity(), 1,000 rows by default): the oldest rows leave as new ones
// arrive, so a console left open for a week does not grow without end. It stores
// ApiCallRecord values, which hold no header or body, so no token can reach a row;
// action rows hold what their caller wrote, which must be secret-free already
// (database labels such as user@host:port/db, file names, one-line errors).
class ActivityLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        RequestIdColumn,
        DurationColumn,
        ResultColumn,
        ColumnCount
    };

    explicit ActivityLogModel(QObject *parent = nullptr, int capacity = 1000);

    void append(const ApiCallRecord &record);
    // A row for the console's own work: `action` ("Backup"), `subject` (what it acted on),
    // `outcome` (one line), shown in the error colour when `failed`.
    void appendAction(const QString &action, const QString &subject, const QString &outcome, bool failed,
                      qint64 durationMs = -1);
    void clear();
    int capacity() const { return m_capacity; }
    const ApiCallRecord &record(int row) const { return m_rows.at(row).call; }
    bool isAction(int row) const { return m_rows.at(row).action; }
    // "2026-11-25T12:00:01Z GET /apps -> 200 (120 ms) Request-Id: …": what support asks for.
    QString supportText(int row) const;
    // Plain words for a status: "OK", "Not found", "No answer (network)".
    static QString resultText(const ApiCallRecord &record);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A failed exchange was appended (status 0 or >= 400), for a badge on the dock.
    void errorAppended(const QString &text);

private:
    struct Row
    {
        ApiCallRecord call;
        bool action = false; // the console's own work, not an HTTP exchange
        bool failed = false;
        QString outcome; // an action's result
    };
    void appendRow(const Row &row);
    static bool isFailure(const Row &row);
    static QString resultText(const Row &row);

    QList<Row> m_rows;
    int m_capacity;
};
