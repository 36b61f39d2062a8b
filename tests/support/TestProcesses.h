// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

// What the tests that run the programs (heroku-sim, cleardb-console) ask about processes and give them.
namespace TestProcesses {
// /proc/<pid>/stat ("pid (comm) state ppid ..."), empty when there is no such process.
QByteArray procStat(qint64 pid);
// A pid that no longer exists, or a zombie nobody has reaped yet, is not running.
bool isGone(qint64 pid);
// The system environment with no way to find Heroku credentials (no HEROKU_API_KEY or HEROKU_HOST, a
// fresh `home` without .netrc or the Heroku CLI's login.json, no session bus so the keychain reports itself
// unavailable) and no display (offscreen); `alsoRemove` names more variables to drop.
QProcessEnvironment consoleEnvironment(const QString &home, const QStringList &alsoRemove = {});
} // namespace TestProcesses
