// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <QString>

// Why a netrc file could not be read, parsed or written. The message names the
// file, the line and what to do, and never contains a token of the file: a
// misplaced word may well be somebody's password.
struct NetrcError
{
    enum class Kind
    {
        None,
        BinaryData,        // NUL or other control bytes: not a text file
        TooLarge,          // bigger than Netrc::maximumSize()
        UnterminatedQuote, // "… without its closing quote on the same line
        MissingValue,      // a keyword at the end of the file without its value
        UnexpectedToken,   // a word where machine/default/login/password/account/macdef belongs
        FieldOutsideEntry, // login/password/account before any machine or default
        ReadFailed,
        WriteFailed,
        NotRegularFile,    // a FIFO, device or socket: never read from it
        UnsafeOwner,       // owned by another user, who could have put any token in it
        UnsafePermissions, // group or others may write it, and so plant a token of theirs
    };

    Kind kind = Kind::None;
    int line = 0; // 1-based; 0 when the error is not about one line
    QString message;

    bool isError() const { return kind != Kind::None; }

    // "~/.netrc line 7: <message>" — the one-line form shown to users.
    QString describe(const QString &displayPath) const
    {
        if (line > 0)
            return displayPath + QStringLiteral(" line ") + QString::number(line) + QStringLiteral(": ") +
                   message;
        return displayPath + QStringLiteral(": ") + message;
    }
    // The common Error with describe()'s line: Io when the file could not be read or written,
    // Unauthorized when it is not safe to trust, InvalidInput when its contents are wrong.
    Error toError(const QString &displayPath) const
    {
        Error::Kind common = Error::Kind::InvalidInput;
        if (kind == Kind::ReadFailed || kind == Kind::WriteFailed || kind == Kind::NotRegularFile)
            common = Error::Kind::Io;
        else if (kind == Kind::UnsafeOwner || kind == Kind::UnsafePermissions)
            common = Error::Kind::Unauthorized;
        return makeError(common, describe(displayPath));
    }
};
