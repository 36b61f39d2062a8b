// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/ProcessControl.h"

// ProcessControl through kill(2) and /proc/PID/cmdline (proc(5)). Compiled on Unix only. A Unix
// without /proc (macOS) answers supported() with an Unsupported error, so nothing acts on a pid it
// cannot check.
class UnixProcessControl : public ProcessControl
{
public:
    Status supported() const override;
    Result<QByteArray> commandLine(qint64 pid) const override;
    Status killHard(qint64 pid) override;
};
