// SPDX-License-Identifier: MIT
#pragma once

#include "dburl/FrameworkSnippet.h"
#include "dburl/SnippetInputs.h"

// Django (dj-database-url and the explicit DATABASES dict) and SQLAlchemy (PyMySQL, mysqlclient)
// snippets. Used only by FrameworkSnippet::generate().
//
// Why the code looks the way it does: dj-database-url 0.5.0 turns every query key into a driver
// argument and maps only `ssl-ca` (and only for the mysql:// scheme), so `reconnect` is dropped and the
// rest of the TLS settings are set in OPTIONS["ssl"]; SQLAlchemy's make_url() ends the password at the
// first '@', so the hidden-password form uses URL.create() and never builds a string at all.
class PythonSnippetWriter
{
public:
    static FrameworkSnippet django(const SnippetInputs &in);
    static FrameworkSnippet sqlAlchemy(const SnippetInputs &in, Framework::Id framework);

private:
    // A Python expression for the URL: a literal, or literal + quote(os.environ[…]) + literal.
    // The OPTIONS dict's entries (without braces) MySQLdb accepts for the URL's query.
    static QString djangoOptions(const SnippetInputs &in);
    static QString passwordExpression(const SnippetInputs &in);
    static QString sqlAlchemyUrl(const DatabaseUrl &framed, bool reveal);
    static QString djangoSslDict(const SnippetInputs &in, bool includeCa);
};
