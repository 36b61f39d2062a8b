// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

// Where a dump or restore stands, for a progress bar with an ETA. Dumps count the SQL bytes produced
// against an estimate from information_schema (DATA_LENGTH, which can lag behind a fresh load until
// ANALYZE TABLE, so the total is a hint and may be 0); restores count the input file's bytes read
// against its size, which is exact.
struct TransferProgress
{
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0; // 0: unknown
    int tablesDone = 0;    // tables whose rows have started (dump)
    int tablesTotal = 0;
    QString currentTable;
    qint64 currentTableRows = 0; // information_schema's estimate for currentTable
};

Q_DECLARE_METATYPE(TransferProgress)
