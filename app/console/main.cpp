// SPDX-License-Identifier: MIT
// cleardb-console: resolves credentials (or starts a sandbox heroku-sim), then
// opens the main window. Everything of substance lives in ui/ and core/.
#include "AppInfo.h"
#include "ConsoleShutdown.h"
#include "StartupAutomation.h"
#include "StartupOptions.h"
#include "StartupView.h"
#include "TerminationSignals.h"
#include "credentials/SecretRedactor.h"
#include "probe/SqlWorkerThread.h"
#include "session/ConsoleStartup.h"
#include "shell/DesktopColorScheme.h"
#include "shell/MainWindow.h"
#include "shell/WindowLayout.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>
#include <cstdlib>

namespace {
void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stream);
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const StartupOptions options = StartupOptions::parse(arguments);
    switch (options.action) {
    case StartupOptions::Action::PrintVersion:
        printLine(stdout, QStringLiteral("cleardb-console %1").arg(AppInfo::version()));
        return 0;
    case StartupOptions::Action::PrintHelp:
        printLine(stdout, options.text.trimmed());
        return 0;
    case StartupOptions::Action::Error:
        printLine(stderr, QStringLiteral("cleardb-console: ") + options.text);
        return 2;
    case StartupOptions::Action::Run:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cleardb-console"));
    QApplication::setApplicationDisplayName(AppInfo::productName());
    QApplication::setApplicationVersion(AppInfo::version());
    QApplication::setOrganizationName(QStringLiteral("ClearDB Console"));
    // Wayland compositors match windows to cleardb-console.desktop (name and icon) by this.
    QGuiApplication::setDesktopFileName(QStringLiteral("cleardb-console"));
    // From here on every qDebug/qWarning passes through the redactor.
    SecretRedactor::installMessageFilter();
    DesktopColorScheme::apply(app);

    QNetworkAccessManager network;
    MainWindow window(&network);
    window.setInitialApp(options.selectApp);
    const bool automated = StartupAutomation::isWanted(options);
    QSettings settings;
    // Benchmarks and screenshots use the default size, whatever the user last chose.
    if (!automated)
        WindowLayout::restore(&window, settings);

    ConsoleStartup startup;
    startup.setForceSandbox(options.forceSandbox);
    QObject::connect(&startup, &ConsoleStartup::progress, &window, &MainWindow::showConnecting);
    QObject::connect(&startup, &ConsoleStartup::ready, &window, &MainWindow::open);
    QObject::connect(&startup, &ConsoleStartup::failed, &window, &MainWindow::showStartupError);
    QObject::connect(
        &startup, &ConsoleStartup::notice, &window, [&window](const QString &message, bool isWarning) {
            window.showNotice(message, isWarning ? MessageBar::Warning : MessageBar::Information);
        });
    QObject::connect(&startup, &ConsoleStartup::sandboxStopped, &window,
                     [&window](const QString &message) { window.showNotice(message, MessageBar::Error); });

    // Benchmark and screenshot runs finish on their own (see StartupAutomation).
    auto *view = options.view.isEmpty()
                     ? nullptr
                     : new StartupView(&window, options.view, !options.selectApp.isEmpty());
    StartupAutomation *automation =
        automated ? new StartupAutomation(&window, options, sinceMain, view) : nullptr;
    ConsoleShutdown shutdown(&window, &startup);
    QObject::connect(&window, &MainWindow::quitRequested, &shutdown, &ConsoleShutdown::request);
    // Queued: a start-up that fails at once would otherwise quit before exec() began. exit(), not
    // quit(): quit() first asks every window to close and gives up if one refuses, as a dialog does
    // while its work runs (its Cancel stops the work first); the shutdown was decided already.
    QObject::connect(
        &shutdown, &ConsoleShutdown::finished, &app, [] { QCoreApplication::exit(0); }, Qt::QueuedConnection);
    if (automation)
        QObject::connect(automation, &StartupAutomation::done, &shutdown, &ConsoleShutdown::request);
    // A logout, `kill` or Ctrl+C quits like File → Quit: the sandbox's servers must not outlive us.
    TerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &TerminationSignals::received, &shutdown,
                     &ConsoleShutdown::request);
    window.show();
    startup.start();
    const int status = app.exec();
    if (!automated)
        WindowLayout::save(window, settings);
    settings.sync();
    const int exitCode = status != 0 ? status : automation ? automation->exitCode() : 0;

    // An orderly end, as cleardbctl's: every SQL worker thread (a probe or the monitor may be mid-query)
    // is told to quit and waited for before the window, the driver and the process go away; a worker
    // closing its connection while the driver is unloaded crashes. The window is hidden first, so this
    // bounded wait never shows as a frozen window: the GUI thread has nothing left to draw or answer.
    // A worker stuck in a driver call past the bound is left behind: the process ends at once, without
    // the static destructors that would pull code from under it.
    window.hide();
    if (!SqlWorkerThread::quitAllAndWait(3000)) {
        printLine(stderr, QStringLiteral("cleardb-console: a database connection did not close within 3 s; "
                                         "exiting without it"));
        std::fflush(nullptr);
        std::_Exit(exitCode);
    }
    return exitCode;
}
