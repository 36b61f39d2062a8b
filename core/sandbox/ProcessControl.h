// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <memory>

// What the sandbox needs from the operating system about another process: its command line (to be
// sure a pid still belongs to the sandbox's own server before acting on it) and a hard kill (the
// failover drill's SIGKILL). These are the only process-control calls core makes outside QProcess.
//
// Arrangement: UnsupportedProcessControl uses only Qt and is compiled on every platform, Linux
// included, and tests drive it directly there, so the non-Unix answer can never rot unnoticed.
// UnixProcessControl (kill(2), /proc) is compiled on Unix only. forThisPlatform() is the one place
// that picks between them.
//
//     std::unique_ptr<ProcessControl> processes = ProcessControl::forThisPlatform();
//     if (Status s = processes->supported(); !s) return fail(s.error().oneLine());
//     Result<QByteArray> command = processes->commandLine(pid);
class ProcessControl
{
public:
    virtual ~ProcessControl() = default;

    // Whether this platform can do both calls below; an Error of kind Unsupported when it cannot.
    virtual Status supported() const = 0;
    // The process's argv as the kernel keeps it (arguments separated by NUL bytes).
    virtual Result<QByteArray> commandLine(qint64 pid) const = 0;
    // Ends the process at once, without letting it clean up (SIGKILL on Unix).
    virtual Status killHard(qint64 pid) = 0;

    static std::unique_ptr<ProcessControl> forThisPlatform();
};
