// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"
#include "credentials/Secret.h"

#include <QString>

// Where a dump, restore, copy or verification reads or writes, as the user names it on a command line
// or in the console:
//
//     app:APP        the app's CLEARDB_DATABASE_URL config var (what the ClearDB add-on sets)
//     app:APP/VAR    another config var of the app (DATABASE_URL after a promote, a dedicated cluster's)
//     env:NAME       a URL held in the environment variable NAME, so the password is not in argv
//     mysql://…      a URL (mysql2:// too); it works, but a password in argv is public (hasPasswordInText)
//
//     const Result<DatabaseSpec> spec = DatabaseSpec::parse(argument, QStringLiteral("--from"));
//     if (!spec) fail(spec.error());                 // one line, never quoting a password
//     resolver->resolve(spec.value());               // DatabaseSpecResolver: the URL behind it
//
// parse() only reads the text: it sends nothing and reads no environment, so a command can check
// its arguments before doing anything. A literal URL is parsed here (its mistakes are the user's
// text); an app's config var and an environment variable are parsed once DatabaseSpecResolver has
// read them.
struct DatabaseSpec
{
    enum class Kind
    {
        App,
        Environment,
        Url,
    };

    Kind kind = Kind::Url;
    QString app;
    QString variable;        // App: the config var, CLEARDB_DATABASE_URL unless app:APP/VAR
    QString environmentName; // Environment
    Secret url;              // Url: the text as given

    // `what` names the argument in errors ("--from").
    static Result<DatabaseSpec> parse(const QString &text, const QString &what);
    static QString defaultVariable();
    // app:APP/VAR, for callers that already hold the app and the var (the console, `--app APP --var VAR`).
    static DatabaseSpec appVariable(const QString &app, const QString &variable = defaultVariable());
    // "app:APP, app:APP/VAR, env:NAME or a mysql:// URL": the accepted forms, for help and errors.
    static QString forms();

    bool needsHeroku() const { return kind == Kind::App; }
    // A literal URL that carries a password: visible to every local user in the process list.
    bool hasPasswordInText() const;
    // "CLEARDB_DATABASE_URL of app my-app", "environment variable SRC_URL", or the redacted URL.
    QString description() const;
};
