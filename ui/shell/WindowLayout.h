// SPDX-License-Identifier: MIT
#pragma once

class QMainWindow;
class QSettings;

// Remembers the main window's layout across runs in QSettings: the geometry (size, position,
// maximized), the toolbar/dock state, and every named QSplitter inside the window (the app list
// beside the details, the monitor's chart above its event list). Saved on quit, restored before the
// window is shown. A stored layout from another screen setup is clamped by Qt's restoreGeometry().
//
//     WindowLayout::restore(&window, settings);
//     ... app.exec() ...
//     WindowLayout::save(window, settings);
namespace WindowLayout {
void save(const QMainWindow &window, QSettings &settings);
// Returns false when nothing was stored yet (the window keeps its default layout).
bool restore(QMainWindow *window, const QSettings &settings);
} // namespace WindowLayout
