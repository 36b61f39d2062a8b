// SPDX-License-Identifier: MIT
#pragma once

#include "fleet/FleetRow.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// The fleet as a file: CSV for spreadsheets, JSON for scripts. Pure functions of the rows; neither
// carries a URL or a password (rows are rendered through their texts and FleetRow::toJson(), which
// never read the URL).
//
//     file.write(FleetExport::csv(model.rows()));
//     out.json(FleetExport::json(loader.rows(), loader.rateLimitRemaining()));
//
// CSV follows RFC 4180: CRLF line ends, every field with a comma, quote, CR or LF quoted and its quotes
// doubled. A field starting with = + - @ (or a tab or CR) gets a leading ' so that a spreadsheet shows it
// instead of evaluating it as a formula (OWASP, "CSV Injection"): add-on and app names come from the
// account, findings quote table names, and none of them is ours to trust.
class FleetExport
{
public:
    static QByteArray csv(const QList<FleetRow> &rows);
    // {"addons": [row, …], "total_monthly_cents": N, "rate_limit_remaining": R (null when unknown)}
    static QJsonObject json(const QList<FleetRow> &rows, int rateLimitRemaining = -1);
    static qint64 totalMonthlyCents(const QList<FleetRow> &rows);

    // One CSV field, guarded and quoted as above.
    static QString csvField(const QString &value);
};
