// SPDX-License-Identifier: MIT
#pragma once

#include "sim/state/SimState.h"

// Builds the starting state of a fresh heroku-sim: `appCount` apps named sandbox-app-0001,
// sandbox-app-0002, ... with UUIDv5 ids (the same on every run), a web dyno and a first release
// each. The first app has a provisioned ClearDB ignite add-on (CLEARDB_DATABASE_URL); the second
// has a ClearDB punch add-on plus Heroku Postgres owning DATABASE_URL, the situation in which
// "promote to DATABASE_URL" must be refused.
class SimSeeder
{
public:
    static SimState seed(int appCount);
    static QString appName(int index); // 1-based
};
