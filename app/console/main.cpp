// SPDX-License-Identifier: MIT
// cleardb-console: resolves credentials (or starts a sandbox heroku-sim), then
// opens the main window. Everything of substance lives in ui/ and core/.
#include "AppInfo.h"
#include "ConsoleStartup.h"
#include "MainWindow.h"
#include "StartupOptions.h"
#include "credentials/SecretRedactor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTimer>

#include <cstdio>

namespace {
void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stream);
}

// --screenshot and the start-up report both wait for "apps painted" and, with
// --select-app, for the details too; then act once.
void whenShown(MainWindow *window, const StartupOptions &options, std::function<void(int)> action)
{
    auto state = std::make_shared<std::pair<int, bool>>(-1, options.selectApp.isEmpty());
    auto maybeAct = [state, action] {
        if (state->first >= 0 && state->second)
            action(std::exchange(state->first, -2));
    };
    QObject::connect(window, &MainWindow::appsPainted, window, [state, maybeAct](int count) {
        if (state->first == -1)
            state->first = count;
        maybeAct();
    });
    QObject::connect(window, &MainWindow::appDetailsShown, window, [state, maybeAct] {
        state->second = true;
        maybeAct();
    });
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
    // From here on every qDebug/qWarning passes through the redactor.
    SecretRedactor::installMessageFilter();

    QNetworkAccessManager network;
    MainWindow window(&network);
    window.setInitialApp(options.selectApp);
    const bool automated = options.reportStartup || !options.screenshotPath.isEmpty();
    QSettings settings;
    // Benchmarks and screenshots use the default size, whatever the user last chose.
    if (!automated)
        window.restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());

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

    int exitCode = 0;
    if (options.reportStartup) {
        whenShown(&window, options, [&](int count) {
            printLine(stdout, QStringLiteral("cleardb-console startup: %1 ms from main() to a painted window "
                                             "with %2 apps%3")
                                  .arg(sinceMain.elapsed())
                                  .arg(count)
                                  .arg(window.isSandbox() ? QStringLiteral(" (sandbox)") : QString()));
            QTimer::singleShot(0, &app, &QApplication::quit);
        });
        // A start-up that never gets there must not hang a benchmark run.
        // Queued: a bad HEROKU_HOST fails inside start(), before the event loop runs
        // (and quit() before exec() would be lost).
        QObject::connect(
            &startup, &ConsoleStartup::failed, &app,
            [&](const QString &message) {
                printLine(stderr, QStringLiteral("cleardb-console: ") + SecretRedactor::redact(message));
                exitCode = 1;
                app.quit();
            },
            Qt::QueuedConnection);
    }
    if (!options.screenshotPath.isEmpty()) {
        whenShown(&window, options, [&](int) {
            // One more turn of the event loop so the details' layout has settled.
            QTimer::singleShot(50, &window, [&] {
                if (!window.grab().save(options.screenshotPath, "PNG")) {
                    printLine(stderr, QStringLiteral("cleardb-console: could not write %1; check that the "
                                                     "folder is writable")
                                          .arg(options.screenshotPath));
                    exitCode = 1;
                }
                app.quit();
            });
        });
    }

    if (automated) {
        // A run that never gets there (no apps, a wrong --select-app) must not hang a
        // benchmark or a packaging script.
        QTimer::singleShot(60000, &app, [&] {
            printLine(stderr,
                      QStringLiteral("cleardb-console: the window did not show apps within 60 s; "
                                     "run without CLEARDB_CONSOLE_REPORT_STARTUP/--screenshot to see why"));
            exitCode = 1;
            app.quit();
        });
    }
    window.show();
    startup.start();
    const int status = app.exec();
    if (!automated)
        settings.setValue(QStringLiteral("mainWindow/geometry"), window.saveGeometry());
    return status != 0 ? status : exitCode;
}
