// SPDX-License-Identifier: MIT
#include "NetrcFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

QString tooLarge()
{
    return QStringLiteral("is larger than %1 KiB, which no netrc file needs; check that the path is right")
        .arg(Netrc::MaximumSize / 1024);
}

#ifdef Q_OS_UNIX
// At most Netrc::MaximumSize + 1 bytes: one past the limit, so a file that
// grew after fstat() is still caught as too large, and never more than that.
bool readCapped(int fd, QByteArray *bytes)
{
    char buffer[16384];
    while (bytes->size() <= Netrc::MaximumSize) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        bytes->append(buffer, static_cast<qsizetype>(n));
    }
    return true;
}
#endif

} // namespace

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

#ifdef Q_OS_UNIX
NetrcFile::Loaded NetrcFile::load() const
{
    Loaded loaded;
    // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait forever.
    // Every check below is made with fstat() on the descriptor that is then read,
    // so nothing can be swapped in between the check and the read.
    const int fd =
        ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return loaded; // no file (or a dangling link): nothing stored there
        loaded.exists = true;
        loaded.error = {NetrcError::Kind::ReadFailed, 0,
                        QStringLiteral("cannot be read (%1); check its owner and permissions")
                            .arg(QString::fromLocal8Bit(std::strerror(error)))};
        return loaded;
    }
    loaded.exists = true;
    struct stat st = {};
    QByteArray bytes;
    if (::fstat(fd, &st) != 0) {
        loaded.error = {NetrcError::Kind::ReadFailed, 0,
                        QStringLiteral("cannot be read; check that it is a file")};
    } else if (S_ISDIR(st.st_mode)) {
        loaded.error = {NetrcError::Kind::ReadFailed, 0, QStringLiteral("is a directory, not a netrc file")};
    } else if (!S_ISREG(st.st_mode)) {
        // A FIFO, socket or device: a read could wait forever or never end.
        loaded.error = {NetrcError::Kind::NotRegularFile, 0,
                        QStringLiteral("is not a regular file (a FIFO, device or socket), so it is not read; "
                                       "replace it with a plain file")};
    } else if (st.st_uid != ::geteuid()) {
        // Policy, as ssh does for its own files: the owner could have put any
        // token in it (and our requests, config vars included, would then go to
        // the owner's account), so it is refused outright, not just warned about.
        loaded.error = {
            NetrcError::Kind::UnsafeOwner, 0,
            QStringLiteral("belongs to another user (uid %1), who could have put any token in it, "
                           "so it is not used; remove it, or check it and make it yours (chown)")
                .arg(st.st_uid)};
    } else if (st.st_mode & (S_IWGRP | S_IWOTH)) {
        // Same reason: anyone who may write it may plant a token of theirs.
        loaded.error = {
            NetrcError::Kind::UnsafePermissions, 0,
            QStringLiteral("other users can change it (mode %1), so it is not used; check what is in "
                           "it, then run `chmod 600 %2`")
                .arg(QString::number(st.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')),
                     displayPath())};
    } else if (st.st_size > Netrc::MaximumSize) {
        loaded.error = {NetrcError::Kind::TooLarge, 0, tooLarge()};
    } else if (!readCapped(fd, &bytes)) {
        loaded.error = {NetrcError::Kind::ReadFailed, 0,
                        QStringLiteral("cannot be read (%1); check its owner and permissions")
                            .arg(QString::fromLocal8Bit(std::strerror(errno)))};
    }
    ::close(fd);
    if (loaded.error.isError())
        return loaded;

    loaded.netrc = Netrc::parse(bytes);
    loaded.error = loaded.netrc.error();
    // Readable by others is warned about, not refused, as curl, ftp(1) and the
    // Heroku CLI's netrc parser do: the token is exposed, but it is still the
    // user's own, and refusing would lock out setups that work today. Every
    // program prints the warning, with or without a token found.
    if (st.st_mode & (S_IRGRP | S_IROTH)) {
        loaded.permissionWarning =
            QStringLiteral("%1 can be read by other users (mode %2), who can copy the tokens in it; run "
                           "`chmod 600 %1`")
                .arg(displayPath(),
                     QString::number(st.st_mode & 07777, 8).rightJustified(4, QLatin1Char('0')));
    }
    return loaded;
}
#else
NetrcFile::Loaded NetrcFile::load() const
{
    // Without POSIX owners and modes (Windows): the user profile's ACLs guard the file.
    Loaded loaded;
    const QFileInfo info(m_path);
    if (!info.exists())
        return loaded;
    loaded.exists = true;
    if (!info.isFile()) {
        loaded.error = {
            NetrcError::Kind::NotRegularFile, 0,
            QStringLiteral("is not a regular file, so it is not read; replace it with a plain file")};
        return loaded;
    }
    if (info.size() > Netrc::MaximumSize) {
        loaded.error = {NetrcError::Kind::TooLarge, 0, tooLarge()};
        return loaded;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        loaded.error = {
            NetrcError::Kind::ReadFailed, 0,
            QStringLiteral("cannot be read (%1); check its owner and permissions").arg(file.errorString())};
        return loaded;
    }
    loaded.netrc = Netrc::parse(file.read(Netrc::MaximumSize + 1));
    loaded.error = loaded.netrc.error();
    return loaded;
}
#endif

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
