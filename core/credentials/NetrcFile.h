// SPDX-License-Identifier: MIT
#pragma once

#include "Netrc.h"

#include <QString>

// Reads and writes a netrc file on disk. The path is injected (tests, $HOME
// from an injected environment); displayPath() is what messages show.
//
//     NetrcFile file(NetrcFile::defaultPath(home));
//     NetrcFile::Loaded loaded = file.load();
//     if (loaded.error.isError()) …; else if (!loaded.permissionWarning.isEmpty()) …
//     NetrcError saved = file.save(NetrcEditor::withCredentials(loaded.netrc, …));
//
// save() is atomic (QSaveFile: a temporary file in the same directory, renamed
// over the old one on success) and the temporary file is made 0600 before any
// byte is written, so the token is never on disk readable by others, not even
// for a moment, and a failed write leaves the old file untouched. It does not
// lock the file against a concurrent writer such as `heroku login`.
class NetrcFile
{
public:
    struct Loaded
    {
        bool exists = false;
        Netrc netrc; // empty and valid when the file does not exist
        NetrcError error;
        // Set when group or others may read or write the file, as ftp(1) and
        // curl warn: the passwords inside are then not private.
        QString permissionWarning;
    };

    explicit NetrcFile(const QString &path, const QString &homeDir = QString());

    static QString defaultPath(const QString &homeDir);
    QString path() const { return m_path; }
    // "~/.netrc" for the usual place, the full path otherwise.
    QString displayPath() const;

    Loaded load() const;
    NetrcError save(const QByteArray &bytes) const;

private:
    QString m_path;
    QString m_homeDir;
};
