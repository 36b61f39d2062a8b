// SPDX-License-Identifier: MIT
#pragma once

#include <QRandomGenerator>
#include <QString>

// Database URLs shaped like the real ones, for a simulator that has no database behind it.
//
// cleardb(): mysql://<14 hex>:<8 hex>@us-cdbr-east-06.cleardb.net/heroku_<15 hex>?reconnect=true,
// the shape ClearDB hands out (notes/cleardb-facts.md). postgres(): the Heroku Postgres shape.
// The generator is passed in so seeding can be deterministic.
class FakeDatabaseUrls
{
public:
    static QString cleardb(QRandomGenerator &rng);
    static QString postgres(QRandomGenerator &rng);
    static QString hex(QRandomGenerator &rng, int length);
};
