// SPDX-License-Identifier: MIT
#pragma once

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;

// The options several commands share, spelled once so `--app` means the same
// everywhere, and the argument checks that go with them.
namespace CommandOptions {
QCommandLineOption app();
QCommandLineOption restart();
// The value of --app, or sets `error` ("--app APP is required").
QString requiredApp(const QCommandLineParser &parser, QString *error);
// "cleardb:scream" from "scream" or "cleardb:scream"; other services' plans pass through.
QString qualifiedClearDbPlan(const QString &plan);
// Usage error text for positional arguments beyond `maximum`, or empty.
QString tooManyArguments(const QCommandLineParser &parser, int maximum);
} // namespace CommandOptions
