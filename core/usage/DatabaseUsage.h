// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"

#include <QList>
#include <QString>

class SqlSession;

// What one database uses, as its own unprivileged user can see it: each table's data and index size
// and row estimate (information_schema.TABLES, largest first), that user's connections
// (information_schema.PROCESSLIST shows a user its own threads) and the server's limits and settings.
//
//     SqlSession session;                      // in a worker thread (SqlWorkerThread)
//     session.open(target);
//     DatabaseUsage usage;
//     if (const ProbeError e = DatabaseUsage::read(session, &usage); !e.isError()) show(usage);
//
// Read-only. information_schema's sizes are InnoDB's page statistics: they lag behind a fresh load
// until the server refreshes them, as the size ClearDB bills does.
struct DatabaseUsage
{
    struct Table
    {
        QString name;
        qint64 dataBytes = 0;
        qint64 indexBytes = 0;
        qint64 rowsEstimate = 0;
        qint64 bytes() const { return dataBytes + indexBytes; }
    };

    QList<Table> tables;        // largest first
    int connectionsInUse = 0;   // this user's, this one included
    int maxUserConnections = 0; // 0: no per-user limit
    int maxConnections = 0;
    int waitTimeoutSeconds = 0;
    QString serverVersion;
    bool readOnly = false;

    qint64 totalBytes() const;
    QStringList largestTables(int count) const;

    static ProbeError read(SqlSession &session, DatabaseUsage *usage);
};
