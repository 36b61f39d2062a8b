// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"
#include "credentials/Secret.h"

#include <QByteArray>
#include <QString>

// The one line worth showing from a client program's stderr ("mariadb-dump: Got error: 1045: Access
// denied …", "ERROR 1146 (42S02) at line 12: …"): the first line that reports an error, else the last
// line. The password is masked even if a program ever echoed it, and the rest goes through
// SecretRedactor like every other text we print.
class ChildErrorText
{
public:
    static QString oneLine(const QByteArray &stderrText, const Secret &password);
    // Unauthorized for a refused login (MySQL error 1045 or 1044), Network when the server was not
    // reached (client errors 2002, 2003, 2005, 2013), Remote otherwise.
    static Error::Kind kindOf(const QByteArray &stderrText);
    // "what (line): hint" as an Error of kindOf(), the hint saying what to do for that kind.
    static Error toError(const QString &what, const QByteArray &stderrText, const Secret &password);
    // stderr is kept up to this many bytes (its end), so a chatty child cannot grow our memory.
    static constexpr int MaxKeptBytes = 64 * 1024;
};
