// SPDX-License-Identifier: MIT
#pragma once

#include "NetrcEntry.h"
#include "NetrcError.h"

#include <QByteArray>
#include <QVector>

// A parsed netrc file (the format of ftp(1) and curl, which the Heroku CLI also
// uses for `machine api.heroku.com login <email> password <token>`).
//
//     Netrc netrc = Netrc::parse(bytes);
//     if (!netrc.isValid()) show(netrc.error().describe(path));
//     else if (const NetrcEntry *e = netrc.find(QStringLiteral("api.heroku.com"))) …
//
// Grammar, following curl's lib/netrc.c: whitespace (spaces, tabs, LF, CRLF)
// separates tokens, so an entry may spread over lines; keywords are matched
// case-insensitively; a token starting with `#` comments out the rest of its
// line; "double quoted" tokens may hold spaces and the escapes \" \\ \n \r \t;
// `macdef name` is followed by a macro body that runs until an empty line and is
// skipped, never read as tokens. For a machine listed twice the first entry wins
// (curl and ftp stop at the first match).
//
// Parsing is strict: the first malformed spot makes the whole file invalid,
// with a typed error and its line, rather than guessing which password was
// meant. It keeps the bytes so NetrcEditor can change one entry and leave the
// rest exactly as the user wrote it.
class Netrc
{
public:
    // netrc files hold a handful of lines; anything bigger is not one.
    static constexpr qsizetype MaximumSize = 1024 * 1024;

    static Netrc parse(const QByteArray &bytes);

    bool isValid() const { return !m_error.isError(); }
    const NetrcError &error() const { return m_error; }
    const QByteArray &bytes() const { return m_bytes; }
    const QVector<NetrcEntry> &entries() const { return m_entries; }

    // The first `machine` entry for this host (compared case-insensitively, as
    // host names are), or nullptr. Never the `default` entry.
    const NetrcEntry *find(const QString &machine) const;
    const NetrcEntry *defaultEntry() const;
    // True when the file ends inside a macro body: an entry appended there would
    // be swallowed by the macro unless an empty line comes first.
    bool endsInMacroBody() const { return m_endsInMacroBody; }
    // "\r\n" when the file already uses CRLF line endings, otherwise "\n".
    QByteArray lineEnding() const;

private:
    friend class NetrcParser;

    QByteArray m_bytes;
    QVector<NetrcEntry> m_entries;
    NetrcError m_error;
    bool m_endsInMacroBody = false;
};
