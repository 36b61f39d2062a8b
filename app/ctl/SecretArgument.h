// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QString>

// A secret that a command takes as an argument (a database URL, a config var value), given so that
// it never sits in argv, where /proc/PID/cmdline and `ps` show it to every local user:
//
//     -          read from stdin: one line on a terminal (echo off, like `login`), else all of it
//                minus one line ending; stdin can feed one value per run;
//     env:NAME   read from the environment variable NAME (the environment of a process is
//                readable by its owner only: /proc/PID/environ is mode 0400);
//     anything else is the value itself: still accepted, but the command prints literalWarning().
//
//     const Result<QString> url = SecretArgument::resolve(argument, QStringLiteral("URL"));
//     if (!url) return url.error();
//     if (SecretArgument::isLiteral(argument)) out().warning(SecretArgument::literalWarning(...));
//
// Resolution happens in a command's prepare(): reading stdin is local, and a missing variable is a
// usage error (exit 2) before any request is sent.
namespace SecretArgument {
bool isLiteral(const QString &argument);
// `what` names the value in errors ("the URL", "the value of DB_PASS"). The error (InvalidInput, or
// Io when stdin cannot be read) is one line that never quotes the value.
Result<QString> resolve(const QString &argument, const QString &what);
// All of stdin, minus the one line ending `echo` and here-strings add (a secret may start or end with
// spaces, so nothing else is trimmed); an Io error naming `what` when stdin cannot be read.
Result<QString> readAllOfStdin(const QString &what);
// "<what> given on the command line is visible to other local users in the process list; <safe>"
QString literalWarning(const QString &what, const QString &safeForms);
} // namespace SecretArgument
