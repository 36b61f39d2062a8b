// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeError.h"
#include "usage/DatabaseUsage.h"

#include <QMetaType>

// What one UsageReader run produced: the usage, or the error that stopped the read (login refused,
// the user's connection limit reached, the server unreachable) attributed to its stage.
struct UsageReading
{
    ProbeError error;
    DatabaseUsage usage;
    double elapsedMs = 0;

    bool ok() const { return !error.isError(); }
};

Q_DECLARE_METATYPE(UsageReading)
