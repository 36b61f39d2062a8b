// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/DatabaseUrl.h"
#include "dburl/Framework.h"
#include "dburl/SnippetOptions.h"

#include <QList>
#include <QString>
#include <QStringList>

// Ready-to-paste connection code for one framework, generated from a DatabaseUrl.
//
// Usage: `FrameworkSnippet::generate(url, Framework::Django)` for the default (password hidden),
// or pass `Options` with `reveal = true` to embed the password itself.
//
// Password policy (what a user wants to paste): Django's and Rails' first variant reads DATABASE_URL,
// the config var a Heroku app connects with (Promote and Assign set it), so it holds no password at
// all. Otherwise, by default, the code reads the password from the environment variable
// `passwordEnvVar` (DB_PASSWORD), with a comment saying how to set it — the form that belongs in a
// repository and on Heroku, where config vars are the environment — and `connectionString` shows the
// URL/DSN with the mask. With `reveal`, both hold the literal password, correctly escaped for the language
// and percent-encoded inside URLs. Frameworks' known traps are handled in the code, and each one that applies
// is explained in `notes`: Django gets no `reconnect` (MySQLdb rejects it), Rails gets the mysql2:// scheme,
// SQLAlchemy gets `@` as %40 and `%` as %25 and no `reconnect`, a password-protected client key is flagged.
// Options appear once each, with the last value of a repeated option.
class FrameworkSnippet
{
public:
    using Options = SnippetOptions;

    // One pasteable alternative (e.g. Rails' database.yml and its DATABASE_URL).
    struct Variant
    {
        QString title;
        QString language; // python, ruby, yaml, javascript, php, java, cpp, shell
        QString code;
    };

    Framework::Id framework = Framework::Generic;
    // The URL or DSN the code connects with (the framework's own syntax).
    QString connectionString;
    QList<Variant> variants;
    QStringList notes;

    static FrameworkSnippet generate(const DatabaseUrl &url, Framework::Id framework,
                                     const Options &options = Options());
    // All variants as one text, titles as comments: what `cleardbctl url snippet` prints.
    QString text() const;
};
