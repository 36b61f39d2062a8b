// SPDX-License-Identifier: MIT
#include "sandbox/UnsupportedProcessControl.h"

Error UnsupportedProcessControl::unsupported()
{
    return makeError(Error::Kind::Unsupported,
                     QStringLiteral("controlling the sandbox's server processes is not supported on this "
                                    "platform; run the failover drill on Linux"));
}

Status UnsupportedProcessControl::supported() const
{
    return unsupported();
}

Result<QByteArray> UnsupportedProcessControl::commandLine(qint64) const
{
    return unsupported();
}

Status UnsupportedProcessControl::killHard(qint64)
{
    return unsupported();
}
