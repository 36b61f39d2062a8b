// SPDX-License-Identifier: MIT
#include "TestProcesses.h"

#include <QFile>
#include <QTemporaryDir>

QByteArray TestProcesses::procStat(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    return stat.open(QIODevice::ReadOnly) ? stat.readAll() : QByteArray();
}

bool TestProcesses::isGone(qint64 pid)
{
    const QByteArray line = procStat(pid);
    return line.isEmpty() || line.mid(line.lastIndexOf(')') + 2, 1) == "Z";
}

QProcessEnvironment TestProcesses::consoleEnvironment(const QString &home, const QStringList &alsoRemove)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"HEROKU_API_KEY", "HEROKU_HOST", "HEROKU_DATA_DIR", "DBUS_SESSION_BUS_ADDRESS",
                             "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    for (const QString &name : alsoRemove)
        env.remove(name);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    // The Heroku CLI's login.json is looked for here: never the developer's own.
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

void TestProcesses::usePrivateUserDirectories()
{
    static QTemporaryDir directory;
    Q_ASSERT(directory.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(directory.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(directory.filePath(QStringLiteral("data"))));
}
