// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One way in which the target database differs from the source: an object only in the source
// (Missing), only in the target (Extra), with another definition (Schema: `detail` names the column,
// index or option), or a table whose rows differ (Rows: `detail` gives both row counts).
struct VerifyDifference
{
    enum class Kind
    {
        Missing,
        Extra,
        Schema,
        Rows,
    };

    Kind kind = Kind::Schema;
    QString object; // "table `orders`", "view `v`", "trigger `t`", "procedure `p`", "function `f`"
    QString detail;

    static QString kindName(Kind kind); // missing | extra | schema | rows
    // "table `orders`: rows differ (source 10 rows, target 10 rows)": one line, no data values.
    QString toString() const;
};

// What a verification found: every difference, in a stable order (objects sorted by kind and name),
// and how much it compared. identical() is the verdict.
struct VerifyReport
{
    QList<VerifyDifference> differences;
    int objectsCompared = 0;
    int tablesDigested = 0;
    qint64 sourceRows = 0;

    bool identical() const { return differences.isEmpty(); }
    QStringList lines() const;
};

// The answer of DatabaseVerifier: the report, or why the comparison could not be made.
struct VerifyOutcome
{
    Status outcome;
    VerifyReport report;

    bool ok() const { return outcome.ok(); }
};
Q_DECLARE_METATYPE(VerifyOutcome)
