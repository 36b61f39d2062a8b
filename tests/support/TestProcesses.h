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
// Points this test process's XDG_CONFIG_HOME and XDG_DATA_HOME at a fresh directory that lives as long as
// the process, before objects that read the system environment are made: a sign-in in the test then
// remembers its account there (AccountChoice), never in the runner's own settings, and no earlier run's
// choice or Heroku CLI login.json can change what the test sees.
void usePrivateUserDirectories();
} // namespace TestProcesses
