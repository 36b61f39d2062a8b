// SPDX-License-Identifier: MIT
#include "sandbox/ProcessControl.h"

#include "sandbox/UnsupportedProcessControl.h"

#ifdef Q_OS_UNIX
#include "sandbox/UnixProcessControl.h"
#endif

// The one place that picks the platform's implementation (see ProcessControl.h).
std::unique_ptr<ProcessControl> ProcessControl::forThisPlatform()
{
#ifdef Q_OS_UNIX
    return std::make_unique<UnixProcessControl>();
#else
    return std::make_unique<UnsupportedProcessControl>();
#endif
}
