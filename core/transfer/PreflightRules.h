// SPDX-License-Identifier: MIT
#pragma once

#include "transfer/PreflightFinding.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// The judgements of a transfer pre-flight, as pure functions of what the servers answered, so each
// rule is tested without a server. TransferPreflight gathers the answers and calls these.
class PreflightRules
{
public:
    struct ServerVersion
    {
        QString text;    // VERSION(), e.g. "10.11.19-MariaDB-0+deb12u1" or "8.0.36"
        QString comment; // @@version_comment
        bool isMariaDb() const;
        // "MariaDB 10.11.19" / "MySQL 8.0.36"
        QString describe() const;
        // major * 10000 + minor * 100 + patch
        int number() const;
    };

    // Versions of both sides: a note; a warning when MariaDB goes to MySQL, or to an older server.
    static PreflightFinding versions(const ServerVersion &source, const ServerVersion &target);

    // `estimatedBytes` against the target's quota (0: none known): a blocker when it will not fit, a
    // warning above 80 % of it, else a note. `exact` is false when part of the figure had to be estimated.
    static PreflightFinding size(qint64 estimatedBytes, qint64 quotaBytes, bool exact);

    // The privileges the loading user needs on the target database (MySQL names, as in
    // information_schema.SCHEMA_PRIVILEGES), and a blocker naming those missing from `granted`.
    static QStringList requiredPrivileges();
    static QList<PreflightFinding> privileges(const QSet<QString> &granted);

    // With binary logging on, creating a trigger or routine needs SUPER unless the server trusts
    // function creators (ERROR 1419): a warning when the source has any (counts below 0: not known, as
    // for a dump file) and that is the target's case.
    static QList<PreflightFinding> binlogTrust(bool logBin, bool trustCreators, bool hasSuper,
                                               int sourceTriggers, int sourceRoutines);

    // What the target holds (TargetObjects::summary(); empty when nothing): a blocker unless replacing.
    static PreflightFinding targetContents(const QString &summary, bool replace, const QString &targetLabel);

    // "5.0 MB", "1.2 GB", "312 KB"
    static QString bytesText(qint64 bytes);
};
