// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include "sim/state/SimState.h"

#include <QString>
#include <optional>

// Reads and writes heroku-sim's --state file. save() goes through QSaveFile, so a crash mid-write
// leaves the previous file intact (write to a temporary, then rename over the old one).
class StateStore
{
public:
    // The saved state; no value (std::nullopt) when the file does not exist yet, an error when it
    // cannot be read or does not hold a heroku-sim state.
    static Result<std::optional<SimState>> load(const QString &path);
    static Status save(const QString &path, const SimState &state);
};
