// SPDX-License-Identifier: MIT
#include "PackageLayout.h"

QStringList PackageLayout::programs()
{
    return QStringLiteral(CLEARDB_PACKAGED_PROGRAMS).split(QLatin1Char(','), Qt::SkipEmptyParts);
}

QStringList PackageLayout::expectedFiles()
{
    const QStringList names = programs();
    QStringList files;
    for (const QString &program : names) {
        files << QStringLiteral("bin/") + program;
        files << QStringLiteral("share/man/man1/%1.1.gz").arg(program);
    }
    if (names.contains(QStringLiteral("cleardbctl")))
        files << QStringLiteral("share/bash-completion/completions/cleardbctl");
    if (names.contains(QStringLiteral("cleardb-console"))) {
        files << QStringLiteral("share/applications/cleardb-console.desktop");
        files << QStringLiteral("share/metainfo/%1.metainfo.xml").arg(appStreamId());
        files << QStringLiteral("share/icons/hicolor/scalable/apps/cleardb-console.svg");
        for (int size : iconSizes())
            files << QStringLiteral("share/icons/hicolor/%1x%1/apps/cleardb-console.png").arg(size);
    }
    files << QStringLiteral("share/cleardb-console/sandbox/cluster.sh");
    files << QStringLiteral("share/doc/cleardb-console/copyright");
    files << QStringLiteral("share/doc/cleardb-console/changelog.gz");
    files << QStringLiteral("share/lintian/overrides/cleardb-console");
    return files;
}
