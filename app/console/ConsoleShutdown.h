// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

class ConsoleStartup;
class MainWindow;

// The console's one way out. Closing the window, File → Quit, the end of an
// unattended run and SIGTERM/SIGINT/SIGHUP (TerminationSignals) all call
// request(): the sandbox, if any, is stopped asynchronously while the window
// stays up and says "Stopping the sandbox…" in its status bar, and finished()
// follows once it has stopped, or after BoundMs whatever it is doing
// (ConsoleStartup's destructor then leaves the databases to a detached cluster.sh).
//
//     ConsoleShutdown shutdown(&window, &startup);
//     connect(&window, &MainWindow::quitRequested, &shutdown, &ConsoleShutdown::request);
//     connect(&shutdown, &ConsoleShutdown::finished, &app, &QCoreApplication::quit);
class ConsoleShutdown : public QObject
{
    Q_OBJECT
public:
    // cluster.sh stops two MariaDB servers and HAProxy, each normally in a second or two.
    static constexpr int BoundMs = 30000;

    ConsoleShutdown(MainWindow *window, ConsoleStartup *startup, QObject *parent = nullptr);

    // Idempotent: a second Quit or signal while stopping changes nothing.
    void request();
    bool isRequested() const { return m_requested; }

Q_SIGNALS:
    // Once: nothing is left to wait for; time to leave the event loop.
    void finished();

private:
    void finish();

    MainWindow *m_window;
    ConsoleStartup *m_startup;
    QTimer m_bound;
    bool m_requested = false;
    bool m_finished = false;
};
