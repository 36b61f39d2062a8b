// SPDX-License-Identifier: MIT
#include "StartupAutomation.h"

#include "StartupView.h"
#include "credentials/SecretRedactor.h"
#include "shell/MainWindow.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stream);
}
} // namespace

StartupAutomation::StartupAutomation(MainWindow *window, const StartupOptions &options,
                                     QElapsedTimer sinceMain, StartupView *view)
    : QObject(window), m_window(window), m_view(view), m_grabTarget(window), m_options(options),
      m_sinceMain(sinceMain), m_detailsShown(options.selectApp.isEmpty())
{
    connect(window, &MainWindow::appsPainted, this, [this](int count) {
        m_appCount = count;
        maybeFinish();
    });
    connect(window, &MainWindow::appDetailsShown, this, [this] {
        m_detailsShown = true;
        maybeFinish();
    });
    // Queued: a bad HEROKU_HOST fails inside ConsoleStartup::start(), before the
    // event loop runs, and quit() before exec() would be lost.
    connect(
        window, &MainWindow::loadFailed, this, [this](const QString &message) { finish(message); },
        Qt::QueuedConnection);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(view ? view->timeoutMs() : 60000);
    if (view) {
        connect(view, &StartupView::ready, this, [this](QWidget *target, const QString &error) {
            m_grabTarget = target;
            finish(error);
        });
    }
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(tr("the window did not show apps within 60 s; run without CLEARDB_CONSOLE_REPORT_STARTUP and "
                  "--screenshot to see why"));
    });
    m_deadline.start();
}

bool StartupAutomation::isWanted(const StartupOptions &options)
{
    return options.reportStartup || !options.screenshotPath.isEmpty();
}

void StartupAutomation::maybeFinish()
{
    if (m_appCount < 0 || !m_detailsShown)
        return;
    if (m_options.reportStartup && !m_done) {
        // Read by bench/console-cold-start.py and the tests: not translated.
        printLine(stdout, QStringLiteral(
                              "cleardb-console startup: %1 ms from main() to a painted window with %2 apps%3")
                              .arg(m_sinceMain.elapsed())
                              .arg(m_appCount)
                              .arg(m_window->isSandbox() ? QStringLiteral(" (sandbox)") : QString()));
    }
    if (!m_view)
        finish(QString());
}

void StartupAutomation::finish(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    if (!error.isEmpty()) {
        printLine(stderr, QStringLiteral("cleardb-console: ") + SecretRedactor::redact(error));
        m_exitCode = 1;
    }
    if (m_options.screenshotPath.isEmpty()) {
        Q_EMIT done();
        return;
    }
    // One more short turn of the event loop so the details' layout has settled.
    QTimer::singleShot(50, this, [this] {
        if (!m_grabTarget->grab().save(m_options.screenshotPath, "PNG")) {
            printLine(stderr, tr("cleardb-console: could not write %1; check that the folder is writable")
                                  .arg(m_options.screenshotPath));
            m_exitCode = 1;
        }
        Q_EMIT done();
    });
}
