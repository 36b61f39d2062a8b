// SPDX-License-Identifier: MIT
#pragma once

#include "ConfigAssignmentPlan.h"
#include "HerokuResult.h"

// What ConfigAssignment::apply() did: the PATCH's result (Heroku answers with
// every config var after the change) and, when a restart was asked for, whether
// the dynos were restarted. A failed restart after a successful PATCH is its own
// error: the var is written either way, and the user must know which half failed.
struct ConfigAssignmentOutcome
{
    ConfigAssignmentPlan plan;
    HerokuResult patch;
    bool restartRequested = false;
    bool restarted = false;
    HerokuError restartError;

    bool configWritten() const { return patch.ok(); }
    bool ok() const { return patch.ok() && (!restartRequested || restarted); }
};
Q_DECLARE_METATYPE(ConfigAssignmentOutcome)
