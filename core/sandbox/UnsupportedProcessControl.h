// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/ProcessControl.h"

// ProcessControl for platforms without kill(2) and /proc (Windows): every call answers with one
// Error of kind Unsupported, so a caller reports "not supported on this platform" instead of failing
// to build. Compiled everywhere (it is plain Qt) so Linux tests keep it honest.
class UnsupportedProcessControl : public ProcessControl
{
public:
    Status supported() const override;
    Result<QByteArray> commandLine(qint64 pid) const override;
    Status killHard(qint64 pid) override;

    static Error unsupported();
};
