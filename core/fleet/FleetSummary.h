// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <QMetaType>

// How one FleetLoader run ended: whether the account's add-ons could be listed at all, and how many of
// the rows got their config vars and their database read. A run whose listing worked is a success
// however many databases were unreachable; those rows say why.
struct FleetSummary
{
    bool listed = false;
    Error listingError;   // when !listed
    int addons = 0;       // ClearDB add-ons, the fleet's rows
    int apps = 0;         // distinct apps they belong to
    int configFailed = 0; // apps whose config vars could not be read
    int read = 0;
    int unreachable = 0;
    int skipped = 0;
    int rateLimitRemaining = -1; // the API's last RateLimit-Remaining, -1 when none came
    int rateLimitPauses = 0;     // how often the loader held back because the budget was low
};

Q_DECLARE_METATYPE(FleetSummary)
