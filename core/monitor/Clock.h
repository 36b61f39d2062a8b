// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// Wall-clock time for timestamps on samples and events, injected so tests can control it
// (like KeePassXC's core/Clock). Durations are measured with QElapsedTimer, never with this.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
    // The real clock; lives for the whole program.
    static const Clock *system();
};
