// SPDX-License-Identifier: MIT
#pragma once

#include "Netrc.h"

// Produces the new bytes of a netrc file with one machine's credentials set or
// removed, touching nothing else: other machines, comments, macros, blank
// lines and line endings stay byte for byte.
//
//     QByteArray updated = NetrcEditor::withCredentials(netrc, host, email, token);
//
// Setting replaces the login and password values of the first entry for the
// machine in place (the one curl would use), adds missing fields on that entry,
// or appends a new entry in the Heroku CLI's layout — before `default`, which
// must stay last. Removing deletes every entry for the machine, so that a
// duplicate further down cannot take over after logout. Only valid documents are
// edited; callers check Netrc::isValid() first and refuse to rewrite a file they
// could not read.
class NetrcEditor
{
public:
    static QByteArray withCredentials(const Netrc &netrc, const QString &machine, const QString &login,
                                      const QString &password);
    static QByteArray withoutMachine(const Netrc &netrc, const QString &machine);

    // The token as written to the file: bare when it is a plain word, otherwise
    // quoted with netrc escapes so that a space or '#' survives a round trip.
    static QByteArray encodeToken(const QString &value);
};
