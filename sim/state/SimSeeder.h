// SPDX-License-Identifier: MIT
#pragma once

#include "sim/state/SimState.h"

// Builds the starting state of a fresh heroku-sim: `appCount` apps named sandbox-app-0001,
// sandbox-app-0002, ... with UUIDv5 ids (the same on every run), a web dyno and a first release
// each. The second app has Heroku Postgres owning DATABASE_URL, the situation in which "promote to
// DATABASE_URL" must be refused. ClearDB add-ons (CLEARDB_DATABASE_URL), by `clearDbApps`:
// - ClassicClearDb (heroku-sim without --cleardb-apps): the first app has ClearDB ignite, the second
//   ClearDB punch, both with empty databases;
// - N >= 0: each of the first N apps has the ClearDB add-on ClearDbSeedLayout gives it, with its
//   sample data size (SimAddon::seedBytes) and, on some apps, DATABASE_URL promoted to its URL (a
//   plain config var holding the same value, as `cleardbctl promote` leaves it).
//
// addAccount() adds another account (after the default sandbox@example.com) with two apps of its
// own, <prefix>-app-0001 (with a ClearDB ignite add-on) and <prefix>-app-0002, where the prefix is
// the e-mail's local part, lower-cased, other characters than [a-z0-9] turned into '-'.
class SimSeeder
{
public:
    // `teamAppCount` apps named acme-data-app-0001, ... belong to the team "acme-data", of which
    // sandbox@example.com is an admin (the team exists also with no apps).
    static constexpr int ClassicClearDb = -1;
    static SimState seed(int appCount, int teamAppCount = 0, int clearDbApps = ClassicClearDb);
    static const SimTeam &addTeam(SimState &state);
    static QString teamAppName(int index); // 1-based
    static QString appName(int index);     // 1-based
    static const SimState::Account &addAccount(SimState &state, const QString &email);
    static QString accountAppPrefix(const QString &email);
    // A new app with a web dyno and its first release.
    static SimApp &addApp(SimState &state, const QString &name, const QString &ownerId, const QString &teamId,
                          const QDateTime &created);
};
