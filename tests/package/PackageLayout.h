// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// The files a ClearDB Console package must contain, relative to the install prefix ("bin/cleardbctl",
// "share/man/man1/cleardbctl.1.gz", ...). One list, so the .deb, the .rpm, the .tar.gz and the
// installed system are held to the same promise. Which programs a build has is decided by CMake
// (CLEARDB_PACKAGED_PROGRAMS, from the targets that exist), so a build without the GUI expects no
// desktop entry or icons.
class PackageLayout
{
public:
    static QStringList programs();
    static QStringList expectedFiles();
    static QString packageName() { return QStringLiteral("cleardb-console"); }
    static QString appStreamId() { return QStringLiteral("io.github.cleardb_console.CleardbConsole"); }
    // The icon sizes installed to share/icons/hicolor/NxN/apps and checked in as PNGs.
    static QList<int> iconSizes() { return {16, 22, 24, 32, 48, 64, 128, 256, 512}; }
};
