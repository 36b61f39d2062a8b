// SPDX-License-Identifier: MIT
#pragma once

#include "common/Error.h"

#include <QString>
#include <QStringList>

// What CredentialWriter did for a login or a logout, as a value.
struct CredentialWriteResult
{
    enum class Operation
    {
        Login,
        Logout
    };

    Operation operation = Operation::Login;
    bool ok = false;
    // Login: the token went to the keychain. Logout: a token was removed from it.
    bool keychain = false;
    // Login: netrc machines written (the keychain fallback). Logout: machines removed.
    QStringList netrcMachines;
    // One line for the user: "stored in the system keychain", "removed from ~/.netrc (api.heroku.com)".
    QString description;
    // Set when !ok: what failed and what to do. Never contains the token.
    QString error;
    QStringList warnings;

    // The common Error for a failed write: Io (a keychain or a file refused it), with `error` as its line.
    Error toError() const { return makeError(Error::Kind::Io, error); }
};
