// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QStringList>

class DatabaseUrl;

// Which config vars of an app still point at a database that is about to go, and which other
// database URLs the app has that they could point at instead. Removing ClearDB unsets only the
// add-on's own vars (CLEARDB_DATABASE_URL); a DATABASE_URL the user promoted by hand keeps the URL
// of a database that no longer exists, and the app fails at its next connection.
//
//     const HeldUrlVars held = HeldUrlVars::find(vars, clearDbUrl, addon.configVars);
//     if (!held.holders.isEmpty()) ...   // warn, offer held.alternatives
//
// "Points at" means the same host (case-insensitive) and database: the query (reconnect=true,
// ssl-ca=…), port and credentials may differ, as they do in hand-copied URLs.
struct HeldUrlVars
{
    QStringList holders;      // vars other than `ownVars` whose value points at the database
    QStringList alternatives; // vars holding a URL of another database (sorted)

    static HeldUrlVars find(const QJsonObject &vars, const DatabaseUrl &url, const QStringList &ownVars);
    static bool sameDatabase(const DatabaseUrl &a, const DatabaseUrl &b);
};
