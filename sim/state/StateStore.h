// SPDX-License-Identifier: MIT
#pragma once

#include "sim/state/SimState.h"

#include <QString>

// Reads and writes heroku-sim's --state file. save() goes through QSaveFile, so a crash mid-write
// leaves the previous file intact (write to a temporary, then rename over the old one).
class StateStore
{
public:
    enum class LoadResult
    {
        Loaded,
        Missing,
        Invalid
    };

    static LoadResult load(const QString &path, SimState *state, QString *error);
    static bool save(const QString &path, const SimState &state, QString *error);
};
