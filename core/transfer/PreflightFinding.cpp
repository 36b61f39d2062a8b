// SPDX-License-Identifier: MIT
#include "transfer/PreflightFinding.h"

QString PreflightFinding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Blocker:
        return QStringLiteral("blocker");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        break;
    }
    return QStringLiteral("note");
}

bool PreflightFinding::hasBlocker(const QList<PreflightFinding> &findings)
{
    for (const PreflightFinding &finding : findings) {
        if (finding.severity == Severity::Blocker)
            return true;
    }
    return false;
}
