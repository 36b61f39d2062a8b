// SPDX-License-Identifier: MIT
#include "ConsoleShutdown.h"

#include "session/ConsoleStartup.h"
#include "shell/MainWindow.h"

#include <cstdio>

ConsoleShutdown::ConsoleShutdown(MainWindow *window, ConsoleStartup *startup, QObject *parent)
    : QObject(parent), m_window(window), m_startup(startup)
{
    m_window->setCloseRequestsQuit(true);
    m_bound.setSingleShot(true);
    m_bound.setInterval(BoundMs);
    connect(&m_bound, &QTimer::timeout, this, [this] {
        std::fprintf(stderr,
                     "cleardb-console: the sandbox did not stop within %d s; exiting, it goes on "
                     "stopping in the background\n",
                     BoundMs / 1000);
        finish();
    });
}

void ConsoleShutdown::request()
{
    if (m_requested)
        return;
    m_requested = true;
    if (!m_startup->hasSandbox())
        return finish();
    m_window->showStopping(tr("Stopping the sandbox…"));
    connect(m_startup, &ConsoleStartup::stopped, this, &ConsoleShutdown::finish);
    m_bound.start();
    m_startup->stop();
}

void ConsoleShutdown::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_bound.stop();
    m_window->allowClose();
    Q_EMIT finished();
}
