// SPDX-License-Identifier: MIT
#include "HangWatchdog.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

HangWatchdog::HangWatchdog(const char *what, int limitMs, long long maxGrowthMiB)
{
    const long long baseline = residentMiB();
    m_thread = std::thread([this, what, limitMs, maxGrowthMiB, baseline] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(limitMs);
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stopped) {
            // Polled often: a runaway loop can allocate a gigabyte a second.
            m_stop.wait_for(lock, std::chrono::milliseconds(10));
            if (m_stopped)
                return;
            const long long growth = residentMiB() - baseline;
            const bool late = std::chrono::steady_clock::now() > deadline;
            if (late || growth > maxGrowthMiB) {
                std::fprintf(
                    stderr,
                    "FAIL!  : watchdog: %s: %s (resident memory +%lld MiB); the code under test never "
                    "returned to the event loop\n",
                    what, late ? "still running past its time limit" : "memory grew past the limit", growth);
                std::fflush(stderr);
                std::_Exit(3);
            }
        }
    });
}

HangWatchdog::~HangWatchdog()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopped = true;
    }
    m_stop.notify_all();
    m_thread.join();
}

long long HangWatchdog::residentMiB()
{
    // /proc/self/statm: size resident shared ... in pages.
    FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    long long size = 0;
    long long resident = 0;
    const int read = std::fscanf(statm, "%lld %lld", &size, &resident);
    std::fclose(statm);
    return read == 2 ? resident * sysconf(_SC_PAGESIZE) / (1024 * 1024) : 0;
}
