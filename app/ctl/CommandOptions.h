// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;

// The options several commands share, spelled once so `--app` means the same
// everywhere, and the argument checks that go with them.
namespace CommandOptions {
QCommandLineOption app();
QCommandLineOption restart();
// A usage error (exit 2): the arguments are wrong, so nothing was sent.
Error usage(const QString &message);
// The value of --app, or the usage error "--app APP is required".
Result<QString> requiredApp(const QCommandLineParser &parser);
// "cleardb:scream" from "scream" or "cleardb:scream"; other services' plans pass through.
QString qualifiedClearDbPlan(const QString &plan);
// A usage error for positional arguments beyond `maximum`.
Status tooManyArguments(const QCommandLineParser &parser, int maximum);
} // namespace CommandOptions
