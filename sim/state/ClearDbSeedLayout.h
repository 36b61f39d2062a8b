// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What seeded app number `index` (1-based) gets under heroku-sim --cleardb-apps: the ClearDB plan, the
// size of the sample data its database holds in --sandbox-cluster mode, and whether the app's
// DATABASE_URL is promoted to the add-on's URL. The first apps show every usage situation the console
// reports against a plan's limits:
//
//     1  ignite, ~85 % of its 5 MB (a warning)
//     2  punch, small; Heroku Postgres owns DATABASE_URL (it points elsewhere)
//     3  ignite, ~6 MB, over its quota (an alert); DATABASE_URL promoted
//     4… ignite, punch, drift, scream in turn, empty; DATABASE_URL promoted on even numbers
//
// Later apps stay empty so a large seed starts fast on a real cluster (every fill is a cluster.sh run).
// Pure and deterministic: the same index gives the same answer in every run.
struct ClearDbSeed
{
    QString plan;         // qualified, e.g. "cleardb:ignite"
    qint64 seedBytes = 0; // sample data (SimAddon::seedBytes)
    bool promoted = false;
};

class ClearDbSeedLayout
{
public:
    static ClearDbSeed forApp(int index);
};
