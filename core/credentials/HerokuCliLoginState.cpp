// SPDX-License-Identifier: MIT
#include "HerokuCliLoginState.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

QString HerokuCliLoginState::dataDir(const QProcessEnvironment &environment)
{
    // oclif's Config.dataDir: the <BIN>_DATA_DIR override, then XDG, then ~/.local/share (config.js).
    const QString overridden = environment.value(QStringLiteral("HEROKU_DATA_DIR"));
    if (!overridden.isEmpty())
        return overridden;
#ifdef Q_OS_WIN
    // oclif on Windows: %LOCALAPPDATA%\heroku. Found only to say the token there cannot be read yet.
    const QString local = environment.value(QStringLiteral("LOCALAPPDATA"));
    if (!local.isEmpty())
        return local + QStringLiteral("/heroku");
#endif
    const QString xdg = environment.value(QStringLiteral("XDG_DATA_HOME"));
    if (!xdg.isEmpty())
        return xdg + QStringLiteral("/heroku");
    const QString home = environment.value(QStringLiteral("HOME"));
    if (!home.isEmpty())
        return home + QStringLiteral("/.local/share/heroku");
    return {};
}

QString HerokuCliLoginState::filePath(const QProcessEnvironment &environment)
{
    const QString dir = dataDir(environment);
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/login.json");
}

QString HerokuCliLoginState::parse(const QByteArray &bytes)
{
    if (bytes.size() > MaxBytes)
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (!document.isObject())
        return {};
    const QJsonValue account = document.object().value(QStringLiteral("account"));
    // login-state.js: `typeof account === 'string' && account.length > 0`.
    return account.isString() ? account.toString() : QString();
}

Result<QString> HerokuCliLoginState::read(const QProcessEnvironment &environment)
{
    const QString path = filePath(environment);
    if (path.isEmpty() || !QFile::exists(path))
        return makeError(Error::Kind::NotFound,
                         QStringLiteral("the Heroku CLI is not signed in (no login.json)"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot read the Heroku CLI's %1: %2").arg(path, file.errorString()));
    // One byte past the cap tells "too large" from "exactly at the cap".
    const QByteArray bytes = file.read(MaxBytes + 1);
    if (bytes.size() > MaxBytes)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("the Heroku CLI's %1 is larger than %2 KiB; ignored")
                             .arg(path, QString::number(MaxBytes / 1024)));
    const QString account = parse(bytes);
    if (account.isEmpty())
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("the Heroku CLI's %1 names no account; ignored").arg(path));
    return account;
}

Status HerokuCliLoginState::write(const QProcessEnvironment &environment, const QString &account)
{
    const QString dir = dataDir(environment);
    if (dir.isEmpty() || account.isEmpty())
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("no data directory for the Heroku CLI (HOME is not set)"));
    // login-state.js: mkdir 0700, file 0600, `JSON.stringify({account}) + "\n"`.
    if (!QDir().mkpath(dir))
        return makeError(Error::Kind::Io, QStringLiteral("cannot create %1").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(dir + QStringLiteral("/login.json"));
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject object;
    object.insert(QStringLiteral("account"), account);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    if (!file.commit())
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}
