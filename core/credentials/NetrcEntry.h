// SPDX-License-Identifier: MIT
#pragma once

#include "Secret.h"

#include <QString>

// One `machine` (or `default`) block of a netrc file, with the byte positions
// NetrcEditor needs to change it while leaving every other byte alone.
struct NetrcEntry
{
    // Byte range [start, end) of a token's text in the file, quotes included.
    struct Span
    {
        qsizetype start = -1;
        qsizetype end = -1;
        bool isValid() const { return start >= 0; }
    };

    QString machine; // empty for `default`
    bool isDefault = false;
    QString login;
    Secret password;
    QString account;
    bool hasLogin = false;
    bool hasPassword = false;
    int line = 0; // line of the `machine`/`default` keyword, 1-based

    Span loginValue;
    Span passwordValue;
    qsizetype start = 0;     // the `machine`/`default` keyword
    qsizetype fieldsEnd = 0; // after the last login/password/account value (before any macdef)
    qsizetype end = 0;       // after the last token or macro body that belongs to the entry
};
