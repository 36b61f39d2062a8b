// SPDX-License-Identifier: MIT
#pragma once

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
    // stderr is kept up to this many bytes (its end), so a chatty child cannot grow our memory.
    static constexpr int MaxKeptBytes = 64 * 1024;
};
