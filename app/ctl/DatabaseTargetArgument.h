// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "probe/ProbeTarget.h"

#include <QCommandLineOption>
#include <QList>
#include <QObject>
#include <functional>

class HerokuClient;
class Output;
class QCommandLineParser;

// Where `probe` and `monitor` connect: a database URL given as the positional argument (`-` reads it
// from stdin, `env:NAME` from a variable: SecretArgument; a literal URL with a password works but
// warns, since argv is public), or an app's config var (`--app APP [--var VAR]`,
// CLEARDB_DATABASE_URL by default) read through the Platform API.
// Both paths end in the same ProbeTarget; errors never quote the password (DatabaseUrl's messages).
//
//     m_where.prepare(parser, out());                // in Command::prepare: no request yet
//     m_where.resolve(client(), this, [this](const Result<ProbeTarget> &target) { ... });
class DatabaseTargetArgument
{
public:
    static QList<QCommandLineOption> options();
    // Reads URL / --app / --var / --timeout; an error is a usage error. Warns on `out` when a password
    // came in argv.
    Status prepare(const QCommandLineParser &parser, const Output &out);
    // "pass - (stdin) or env:NAME instead": the advice of every literal-URL warning.
    static QString urlSafeForms();
    // Only the --app form talks to Heroku.
    bool needsToken() const { return !m_app.isEmpty(); }
    // The --app form's app and config var (empty app: a URL was given).
    const QString &app() const { return m_app; }
    const QString &variable() const { return m_var; }
    // What the user pointed at, for messages: "CLEARDB_DATABASE_URL of app my-app" or the redacted URL.
    QString description() const;
    // Delivers the target or the Error later, on the event loop, with `context` alive.
    void resolve(HerokuClient *client, QObject *context,
                 const std::function<void(const Result<ProbeTarget> &)> &done);

    // Parses --timeout style values: a whole number of milliseconds >= minimum; `fallback` when the
    // option is absent.
    static Result<int> millisecondsOption(const QCommandLineParser &parser, const QString &name, int minimum,
                                          int fallback);

private:
    QString m_url;
    QString m_app;
    QString m_var;
    int m_timeoutMs = 5000;
};
