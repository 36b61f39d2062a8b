// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// What one external tool run produced.
struct ToolRun
{
    bool finished = false; // started and exited on its own within the time limit
    int exitCode = -1;
    QString out;
    QString err;
    // "<program> exited 2: <stderr or stdout>", for QVERIFY2 messages.
    QString describe() const;
};

// Runs the packaging tools the package tests drive (cpack, dpkg-deb, lintian, rpm, apt-get, ...) to
// completion and returns their output. Blocking on purpose: these are test executables, and each step
// depends on the previous one.
//
//     const ToolRun run = ToolRunner::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), deb});
//     QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.describe()));
//
// require() finds a tool on PATH, or says which Debian package brings it (scripts/setup.sh installs
// them all from scripts/debian-packages.txt).
class ToolRunner
{
public:
    static ToolRun run(const QString &program, const QStringList &arguments, int timeoutMs = 120000,
                       const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // Full path of `tool`, or a NotFound error "<tool> is missing: apt-get install <package>".
    static Result<QString> require(const QString &tool, const QString &debianPackage);
    // The error's line for a QVERIFY2 message; empty when `required` found the tool.
    static QString failure(const Result<QString> &required);
};
