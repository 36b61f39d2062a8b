// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <QString>

// The reason a database URL (or a set of URL parts) was rejected, naming the part that is wrong.
//
// Usage: check `isError()`, show `message` as the one-line error (it already starts with the part's
// name, e.g. "port: 65536 is out of range …"). Messages never contain the password and never quote
// the raw URL: a mistyped URL can shift password characters into the host or port, so only the
// scheme (which precedes every credential) is ever echoed back.
struct DatabaseUrlError
{
    enum class Part
    {
        None,
        Scheme,
        User,
        Password,
        Host,
        Port,
        Database,
        Option,
    };

    Part part = Part::None;
    QString message;

    bool isError() const { return part != Part::None; }
    // InvalidInput, "invalid database URL: <message>": the common shape the CLI and the GUI print.
    Error toError() const;

    static DatabaseUrlError make(Part part, const QString &detail);
    // Lower-case name used as the message prefix and by `cleardbctl url parse --json`.
    static QString partName(Part part);
};
