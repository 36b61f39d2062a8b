// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// What went wrong, as a value every layer passes on unchanged: the kind (for a program to branch on),
// one line for people that says what happened and what to do, and the raw detail (a server's or the
// system's own words) for a log or --verbose. Neither text ever holds a token or a password.
// Domain errors with richer fields (HerokuError, ProbeError, DatabaseUrlError) keep them and convert
// to this with their toError(), so the CLI and the GUI report every failure the same way.
struct Error
{
    enum class Kind
    {
        InvalidInput, // the user's input or a file's contents: fixed by editing it
        NotFound,     // the thing named does not exist
        Io,           // a file or pipe could not be read or written
        Network,      // nothing usable came back over the network
        Timeout,      // no answer within the deadline
        Remote,       // the other side answered with an error
        Unauthorized, // credentials missing or refused
        Unsupported,  // not available on this platform or with this server
        Cancelled,    // the user stopped it
        Conflict,     // the current state forbids it (busy, not empty, owned by someone else)
    };

    Kind kind = Kind::InvalidInput;
    QString message;
    QString detail;

    // "message (detail)", or the message alone: one line for the CLI and the activity log.
    QString oneLine() const;
    static QString kindName(Kind kind);
};

inline Error makeError(Error::Kind kind, const QString &message, const QString &detail = {})
{
    return Error{kind, message, detail};
}
