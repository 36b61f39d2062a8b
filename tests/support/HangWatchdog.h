// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

// Guards a test whose failure mode is a busy loop that never returns to the event
// loop (so QSignalSpy::wait and QTRY_* never get to time out) or that eats memory
// until std::bad_alloc. A separate thread ends the whole test process with a
// "FAIL!" line once the guarded scope runs longer than `limitMs` or the process's
// resident memory grows by more than `maxGrowthMiB`, so such a regression fails
// quickly instead of taking the machine down.
//
//     { HangWatchdog watchdog("chunk size -6", 10000); ...run the exchange... }
class HangWatchdog
{
public:
    HangWatchdog(const char *what, int limitMs, long long maxGrowthMiB = 512);
    ~HangWatchdog();
    HangWatchdog(const HangWatchdog &) = delete;
    HangWatchdog &operator=(const HangWatchdog &) = delete;

    static long long residentMiB();

private:
    std::mutex m_mutex;
    std::condition_variable m_stop;
    bool m_stopped = false;
    std::thread m_thread;
};
