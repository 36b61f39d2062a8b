// SPDX-License-Identifier: MIT
#include "StartupOptions.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>

StartupOptions StartupOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ClearDB Console: your Heroku apps and their ClearDB MySQL add-ons.\n"
        "The token comes from HEROKU_API_KEY, the system keychain or ~/.netrc (as for the Heroku CLI);\n"
        "without one the console starts a local sandbox (heroku-sim) and says so in the window."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Print the version and exit."));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
                                     QStringLiteral("Use a local heroku-sim even when credentials exist."));
    const QCommandLineOption select(QStringLiteral("select-app"),
                                    QStringLiteral("Select this app once the app list has loaded."),
                                    QStringLiteral("app"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window once the apps (and --select-app's details) are shown, then "
                       "exit."),
        QStringLiteral("file"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QStringLiteral(
            "Open this view: details, connection, monitor, drill (sandbox), shortcuts, about, signin or "
            "move. connection and monitor use $CLEARDB_DATABASE_URL when set, else the selected app's "
            "URL; move opens the Move database wizard on the app's ClearDB and runs its pre-flight "
            "against $CLEARDB_MOVE_TARGET_URL when set; with --screenshot the picture is taken once "
            "the probe, 24 monitor samples, the drill or the pre-flight are done."),
        QStringLiteral("name"));
    parser.addOptions({help, version, sandbox, select, screenshot, view});

    StartupOptions options;
    if (!parser.parse(arguments)) {
        options.action = Action::Error;
        QString error = parser.errorText();
        if (error.endsWith(QLatin1Char('.')))
            error.chop(1);
        options.text = error + QStringLiteral("; see cleardb-console --help");
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        options.action = Action::Error;
        options.text = QStringLiteral("unexpected argument \"%1\"; see cleardb-console --help")
                           .arg(parser.positionalArguments().constFirst());
        return options;
    }
    if (parser.isSet(help)) {
        options.action = Action::PrintHelp;
        options.text = parser.helpText();
        return options;
    }
    if (parser.isSet(version)) {
        options.action = Action::PrintVersion;
        return options;
    }
    options.forceSandbox = parser.isSet(sandbox);
    options.selectApp = parser.value(select).trimmed();
    options.screenshotPath = parser.value(screenshot);
    options.view = parser.value(view).trimmed();
    if (parser.isSet(view) && !viewNames().contains(options.view)) {
        options.action = Action::Error;
        options.text = QStringLiteral("--view %1: unknown view; use one of %2")
                           .arg(options.view, viewNames().join(QStringLiteral(", ")));
        return options;
    }
    if (parser.isSet(screenshot)) {
        const QFileInfo target(options.screenshotPath);
        if (options.screenshotPath.isEmpty() || !target.absoluteDir().exists()) {
            options.action = Action::Error;
            options.text = QStringLiteral("--screenshot %1: the folder does not exist; give a path in an "
                                          "existing folder")
                               .arg(options.screenshotPath);
            return options;
        }
    }
    options.reportStartup = QProcessEnvironment::systemEnvironment().value(
                                QStringLiteral("CLEARDB_CONSOLE_REPORT_STARTUP")) == QLatin1String("1");
    return options;
}

QStringList StartupOptions::viewNames()
{
    return {QStringLiteral("details"), QStringLiteral("connection"), QStringLiteral("monitor"),
            QStringLiteral("drill"),   QStringLiteral("shortcuts"),  QStringLiteral("about"),
            QStringLiteral("signin"),  QStringLiteral("move"),       QStringLiteral("usage"),
            QStringLiteral("fleet")};
}
