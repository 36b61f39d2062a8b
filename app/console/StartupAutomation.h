// SPDX-License-Identifier: MIT
#pragma once

#include "StartupOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class MainWindow;
class StartupView;
class QWidget;

// The console's unattended runs: CLEARDB_CONSOLE_REPORT_STARTUP=1 (print the
// start-up time and quit, for bench/console-cold-start.py) and --screenshot FILE
// (save a PNG of the window and quit, for docs and AppStream). Both wait for the
// same finish line: the first paint that shows apps and, with --select-app, that
// app's details; or an error on screen, which ends the run with exit code 1 (a
// screenshot of the error is still saved). A run that reaches neither in 60 s
// ends too, so a script never hangs. With --view, the finish line is the view being ready
// (StartupView), and the screenshot shows what it names (the window or a dialog).
// It does not quit by itself: done() says the run is over.
class StartupAutomation : public QObject
{
    Q_OBJECT
public:
    StartupAutomation(MainWindow *window, const StartupOptions &options, QElapsedTimer sinceMain,
                      StartupView *view = nullptr);

    static bool isWanted(const StartupOptions &options);
    int exitCode() const { return m_exitCode; }

Q_SIGNALS:
    // The run is over: quit the way a user would (ConsoleShutdown), so the sandbox stops in order.
    void done();

private:
    void maybeFinish();
    void finish(const QString &error);

    MainWindow *m_window;
    StartupView *m_view;
    QWidget *m_grabTarget;
    StartupOptions m_options;
    QElapsedTimer m_sinceMain;
    QTimer m_deadline;
    int m_appCount = -1;
    bool m_detailsShown;
    bool m_done = false;
    int m_exitCode = 0;
};
