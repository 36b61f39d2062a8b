// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QProcessEnvironment>
#include <QUrl>

// Opens an address in the user's web browser without Qt Gui (cleardbctl links Qt Core only, so
// QDesktopServices is out): $BROWSER when set, as xdg-open reads it (a ':'-separated list whose
// first entry is used; "%s" in it stands for the address, else the address is the last argument),
// else the desktop's opener (xdg-open, macOS `open`, Windows' url.dll handler). The program is
// started detached with the address as one argument, never through a shell, so nothing in the
// address is interpreted. Success only means the program started: whether a window appeared is
// not known, which is why callers print the address as well.
namespace BrowserLauncher {
Status open(const QUrl &url, const QProcessEnvironment &environment);
} // namespace BrowserLauncher
