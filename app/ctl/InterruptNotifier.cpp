// SPDX-License-Identifier: MIT
#include "InterruptNotifier.h"

#ifdef Q_OS_WIN
#include <QMetaObject>

#include <mutex>
#include <windows.h>
#else
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

#ifdef Q_OS_WIN
namespace {
// The console runs the handler on a thread of its own; the mutex keeps the instance alive while the
// handler posts to it, and the post reaches the instance's thread through its event loop.
std::mutex g_mutex;
InterruptNotifier *g_instance = nullptr;

BOOL WINAPI onConsoleControl(DWORD event)
{
    // Ctrl+C and Ctrl+Break are what SIGINT and SIGTERM are on Unix; closing the window, logoff and
    // shutdown end the process when the handler returns, so those keep their default.
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT)
        return FALSE;
    const std::lock_guard<std::mutex> lock(g_mutex);
    if (!g_instance)
        return FALSE;
    InterruptNotifier *instance = g_instance;
    QMetaObject::invokeMethod(
        instance, [instance] { Q_EMIT instance->interrupted(); }, Qt::QueuedConnection);
    return TRUE;
}
} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent) : QObject(parent)
{
    {
        const std::lock_guard<std::mutex> lock(g_mutex);
        g_instance = this;
    }
    ::SetConsoleCtrlHandler(onConsoleControl, TRUE);
}

InterruptNotifier::~InterruptNotifier()
{
    ::SetConsoleCtrlHandler(onConsoleControl, FALSE);
    const std::lock_guard<std::mutex> lock(g_mutex);
    g_instance = nullptr;
}
#else
namespace {
int g_pipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // write(2) is async-signal-safe; nothing else is done here.
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
}

// pipe2() is Linux and BSD only (macOS lacks it): pipe() then fcntl() does the same here, since no
// other thread forks between the two calls in cleardbctl.
bool openWakePipe()
{
    if (::pipe(g_pipe) != 0)
        return false;
    for (const int fd : g_pipe) {
        if (::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 ||
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
            ::close(g_pipe[0]);
            ::close(g_pipe[1]);
            g_pipe[0] = g_pipe[1] = -1;
            return false;
        }
    }
    return true;
}
} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent) : QObject(parent)
{
    if (g_pipe[0] < 0 && !openWakePipe())
        return; // no pipe: Ctrl-C keeps its default meaning (end at once)
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char buffer[16];
        while (::read(g_pipe[0], buffer, sizeof buffer) > 0) {
        }
        Q_EMIT interrupted();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

InterruptNotifier::~InterruptNotifier()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}
#endif
