// SPDX-License-Identifier: MIT
#pragma once

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
};
