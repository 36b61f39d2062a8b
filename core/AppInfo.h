// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Product identity shared by the three programs: the version comes from the one
// project() call in the top-level CMakeLists.txt, so --version, the User-Agent
// header and the packages can never disagree.
namespace AppInfo {
QString productName();
QString version();
// "cleardb-console/<version>", as the Heroku API asks clients to identify themselves.
QString userAgent();
} // namespace AppInfo
