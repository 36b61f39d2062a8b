// SPDX-License-Identifier: MIT
#include "AppInfo.h"

QString AppInfo::productName()
{
    return QStringLiteral("ClearDB Console");
}

QString AppInfo::version()
{
    return QStringLiteral(CLEARDB_VERSION);
}

QString AppInfo::userAgent()
{
    return QStringLiteral("cleardb-console/") + version();
}
