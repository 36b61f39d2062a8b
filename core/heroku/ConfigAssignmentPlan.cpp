// SPDX-License-Identifier: MIT
#include "ConfigAssignmentPlan.h"

#include "ConfigVarMasker.h"

QString ConfigAssignmentPlan::maskedOldValue() const
{
    if (!targetWasSet)
        return QStringLiteral("(unset)");
    return ConfigVarMasker::masked(targetVar, oldValue.reveal());
}

QString ConfigAssignmentPlan::maskedNewValue() const
{
    return ConfigVarMasker::masked(targetVar, newValue.reveal());
}

QString ConfigAssignmentPlan::maskedDiff() const
{
    return QStringLiteral("%1: %2 → %3").arg(targetVar, maskedOldValue(), maskedNewValue());
}
