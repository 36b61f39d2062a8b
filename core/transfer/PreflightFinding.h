// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One finding of a copy's or restore's pre-flight (TransferPreflight): one line for people, and how much
// it matters. A Blocker means the transfer would fail or must not run as asked; a Warning that it may
// fail or lose something; a Note is information (sizes, versions).
struct PreflightFinding
{
    enum class Severity
    {
        Blocker,
        Warning,
        Note,
    };

    Severity severity = Severity::Note;
    QString line;
    // The target holds something (PreflightRules::targetContents()): the one finding a replace lifts.
    bool targetNotEmpty = false;

    // "blocker", "warning", "note": for JSON and logs.
    static QString severityName(Severity severity);
    static bool hasBlocker(const QList<PreflightFinding> &findings);
};

Q_DECLARE_METATYPE(PreflightFinding)
