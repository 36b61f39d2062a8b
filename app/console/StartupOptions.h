// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// cleardb-console's command line, parsed before QApplication exists so that
// --version and --help work without a display (on a server, in a package check).
struct StartupOptions
{
    enum class Action
    {
        Run,
        PrintVersion,
        PrintHelp,
        Error,
    };

    Action action = Action::Run;
    QString text; // the help text, or the one-line error for Action::Error
    bool forceSandbox = false;
    QString selectApp;
    QString screenshotPath;
    // --view: what the window shows before a screenshot (details, connection, monitor, drill,
    // shortcuts, about, signin); see StartupAutomation.
    QString view;
    // CLEARDB_CONSOLE_REPORT_STARTUP=1: print the start-up time and quit after the
    // first paint with apps (bench/cold-start.py reads that line).
    bool reportStartup = false;

    static StartupOptions parse(const QStringList &arguments);
    static QStringList viewNames();
};
