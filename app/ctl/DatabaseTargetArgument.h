// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeTarget.h"

#include <QCommandLineOption>
#include <QList>
#include <QObject>
#include <functional>

class HerokuClient;
class QCommandLineParser;

// Where `probe` and `monitor` connect: a database URL given as the positional argument, or an app's
// config var (`--app APP [--var VAR]`, CLEARDB_DATABASE_URL by default) read through the Platform API.
// Both paths end in the same ProbeTarget; errors never quote the password (DatabaseUrl's messages).
//
//     m_where.prepare(parser, &error);               // in Command::prepare: no request yet
//     m_where.resolve(client(), this, [this](const ProbeTarget &t, const QString &error) { ... });
class DatabaseTargetArgument
{
public:
    static QList<QCommandLineOption> options();
    // Reads URL / --app / --var / --timeout; returns a usage error or an empty string.
    QString prepare(const QCommandLineParser &parser);
    // Only the --app form talks to Heroku.
    bool needsToken() const { return !m_app.isEmpty(); }
    // What the user pointed at, for messages: "CLEARDB_DATABASE_URL of app my-app" or the redacted URL.
    QString description() const;
    // Delivers the target (or a one-line error) later, on the event loop, with `context` alive.
    void resolve(HerokuClient *client, QObject *context,
                 const std::function<void(const ProbeTarget &, const QString &)> &done);

    // Parses --timeout style values: a whole number of milliseconds >= minimum.
    static bool millisecondsOption(const QCommandLineParser &parser, const QString &name, int minimum,
                                   int *value, QString *error);

private:
    QString m_url;
    QString m_app;
    QString m_var;
    int m_timeoutMs = 5000;
};
