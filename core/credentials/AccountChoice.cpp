// SPDX-License-Identifier: MIT
#include "AccountChoice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

constexpr qint64 MaxBytes = 64 * 1024;

QJsonObject load(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.read(MaxBytes + 1);
    if (bytes.size() > MaxBytes)
        return {};
    return QJsonDocument::fromJson(bytes).object();
}

} // namespace

QString AccountChoice::filePath(const QProcessEnvironment &environment)
{
    QString config = environment.value(QStringLiteral("XDG_CONFIG_HOME"));
    if (config.isEmpty()) {
        const QString home = environment.value(QStringLiteral("HOME"));
        if (home.isEmpty())
            return {};
        config = home + QStringLiteral("/.config");
    }
    return config + QStringLiteral("/cleardb-console/accounts.json");
}

QString AccountChoice::chosen(const QProcessEnvironment &environment, const QString &apiHost)
{
    return load(filePath(environment))
        .value(QStringLiteral("chosen"))
        .toObject()
        .value(apiHost.toLower())
        .toString();
}

Status AccountChoice::choose(const QProcessEnvironment &environment, const QString &apiHost,
                             const QString &email)
{
    const QString path = filePath(environment);
    if (path.isEmpty())
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("nowhere to remember the account (HOME is not set)"));
    QJsonObject root = load(path);
    QJsonObject chosen = root.value(QStringLiteral("chosen")).toObject();
    if (email.isEmpty())
        chosen.remove(apiHost.toLower());
    else
        chosen.insert(apiHost.toLower(), email);
    root.insert(QStringLiteral("chosen"), chosen);
    const QString dir = QFileInfo(path).path();
    if (!QDir().mkpath(dir))
        return makeError(Error::Kind::Io, QStringLiteral("cannot create %1").arg(dir));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(root).toJson());
    if (!file.commit())
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}
