// SPDX-License-Identifier: MIT
#pragma once

#include "sim/state/SimState.h"

// Builds the starting state of a fresh heroku-sim: `appCount` apps named sandbox-app-0001,
// sandbox-app-0002, ... with UUIDv5 ids (the same on every run), a web dyno and a first release
// each. The first app has a provisioned ClearDB ignite add-on (CLEARDB_DATABASE_URL); the second
// has a ClearDB punch add-on plus Heroku Postgres owning DATABASE_URL, the situation in which
// "promote to DATABASE_URL" must be refused.
//
// addAccount() adds another account (after the default sandbox@example.com) with two apps of its
// own, <prefix>-app-0001 (with a ClearDB ignite add-on) and <prefix>-app-0002, where the prefix is
// the e-mail's local part, lower-cased, other characters than [a-z0-9] turned into '-'.
class SimSeeder
{
public:
    static SimState seed(int appCount);
    static QString appName(int index); // 1-based
    static const SimState::Account &addAccount(SimState &state, const QString &email);
    static QString accountAppPrefix(const QString &email);
    // A new app with a web dyno and its first release.
    static SimApp &addApp(SimState &state, const QString &name, const QString &ownerId, const QString &teamId,
                          const QDateTime &created);
};
