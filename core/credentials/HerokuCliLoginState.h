// SPDX-License-Identifier: MIT
#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

// Which account the Heroku CLI is signed in as: its login.json, `{"account":"<email>"}` plus a newline,
// in the CLI's data directory (@heroku-cli/command's credential-manager-core, login-state.js). The CLI
// writes it only when it keeps its token in the OS store (secret-tool on Linux, Keychain on macOS), and
// then looks the token up under service "heroku-cli", account = that e-mail.
//
//     const Result<QString> account = HerokuCliLoginState::read(environment);
//     if (account) store->read(QStringLiteral("heroku-cli"), *account, …);
//
// The data directory is the CLI's (oclif's): HEROKU_DATA_DIR, else $XDG_DATA_HOME/heroku, else
// $HOME/.local/share/heroku — also on macOS; on Windows %LOCALAPPDATA%\heroku, read only so that the
// resolver can say the CLI's token there (in PasswordVault) cannot be read yet.
//
// The file is outside input: reads are capped at MaxBytes and only a JSON object whose "account" is a
// non-empty string counts, as the CLI itself decides (login-state.js). Reading never deletes or rewrites
// it, even when it is broken — the CLI deletes a login.json it cannot use, but the file is the CLI's,
// not ours. write() is only for "also sign in the Heroku CLI", which the user asks for explicitly.
class HerokuCliLoginState
{
public:
    static constexpr qint64 MaxBytes = 64 * 1024;

    // Empty when neither HEROKU_DATA_DIR, XDG_DATA_HOME nor HOME is set.
    static QString dataDir(const QProcessEnvironment &environment);
    static QString filePath(const QProcessEnvironment &environment);
    // The account named by login.json's bytes, or empty when they do not name one.
    static QString parse(const QByteArray &bytes);
    // NotFound when there is no login.json (the CLI is not signed in with an OS store), InvalidInput
    // when it is too large or names no account, Io when it cannot be read.
    static Result<QString> read(const QProcessEnvironment &environment);
    // Writes `{"account":"<email>"}\n` the way the CLI does: directory 0700, file 0600, replaced atomically.
    static Status write(const QProcessEnvironment &environment, const QString &account);
};
