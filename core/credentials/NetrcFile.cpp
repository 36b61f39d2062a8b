// SPDX-License-Identifier: MIT
#include "NetrcFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

NetrcFile::NetrcFile(const QString &path, const QString &homeDir) : m_path(path), m_homeDir(homeDir) {}

QString NetrcFile::defaultPath(const QString &homeDir)
{
    return QDir(homeDir.isEmpty() ? QDir::homePath() : homeDir).filePath(QStringLiteral(".netrc"));
}

QString NetrcFile::displayPath() const
{
    const QString home = m_homeDir.isEmpty() ? QDir::homePath() : m_homeDir;
    const QString prefix = QDir::cleanPath(home) + QLatin1Char('/');
    const QString clean = QDir::cleanPath(m_path);
    if (clean.startsWith(prefix))
        return QStringLiteral("~/") + clean.mid(prefix.size());
    return m_path;
}

NetrcFile::Loaded NetrcFile::load() const
{
    Loaded loaded;
    const QFileInfo info(m_path);
    if (!info.exists())
        return loaded;
    loaded.exists = true;
    if (info.isDir()) {
        loaded.error = {NetrcError::Kind::ReadFailed, 0, QStringLiteral("is a directory, not a netrc file")};
        return loaded;
    }
    if (info.size() > Netrc::MaximumSize) {
        loaded.error = {
            NetrcError::Kind::TooLarge, 0,
            QStringLiteral("is larger than %1 KiB, which no netrc file needs; check that the path is right")
                .arg(Netrc::MaximumSize / 1024)};
        return loaded;
    }

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = {
            NetrcError::Kind::ReadFailed, 0,
            QStringLiteral("cannot be read (%1); check its owner and permissions").arg(file.errorString())};
        return loaded;
    }
    // Read one byte past the limit, so a file that grew since stat() is still caught.
    loaded.netrc = Netrc::parse(file.read(Netrc::MaximumSize + 1));
    loaded.error = loaded.netrc.error();

    const QFileDevice::Permissions shared =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (info.permissions() & shared) {
        loaded.permissionWarning =
            QStringLiteral("%1 can be read by other users; run `chmod 600 %1` to keep the "
                           "passwords in it private")
                .arg(displayPath());
    }
    return loaded;
}

NetrcError NetrcFile::save(const QByteArray &bytes) const
{
    const auto failed = [this](const QString &why) {
        return NetrcError{NetrcError::Kind::WriteFailed, 0,
                          QStringLiteral("cannot be written (%1); check that %2 is writable")
                              .arg(why, QFileInfo(m_path).absolutePath())};
    };
    // Write through a symlink (dotfile managers link ~/.netrc into a repository)
    // instead of replacing the link with a plain file.
    const QFileInfo info(m_path);
    QSaveFile file(info.isSymLink() ? info.symLinkTarget() : m_path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(file.errorString());
    // Before the first write: QSaveFile would otherwise copy the old file's mode
    // (or umask defaults) and the token could sit in a world-readable file.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return failed(QStringLiteral("cannot restrict its permissions to 0600"));
    }
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return failed(why);
    }
    if (!file.commit())
        return failed(file.errorString());
    return {};
}
