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

QString entry(const QJsonObject &root, const char *section, const QString &apiHost)
{
    return root.value(QLatin1String(section)).toObject().value(apiHost.toLower()).toString();
}

// An empty email removes the host's entry in `section`.
void setEntry(QJsonObject &root, const char *section, const QString &apiHost, const QString &email)
{
    const QString key = QLatin1String(section);
    QJsonObject entries = root.value(key).toObject();
    if (email.isEmpty())
        entries.remove(apiHost.toLower());
    else
        entries.insert(apiHost.toLower(), email);
    root.insert(key, entries);
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

AccountChoice::ForHost AccountChoice::forHost(const QProcessEnvironment &environment, const QString &apiHost)
{
    const QJsonObject root = load(filePath(environment));
    return {entry(root, "chosen", apiHost), entry(root, "own", apiHost)};
}

QString AccountChoice::chosen(const QProcessEnvironment &environment, const QString &apiHost)
{
    return forHost(environment, apiHost).chosen;
}

QString AccountChoice::own(const QProcessEnvironment &environment, const QString &apiHost)
{
    return forHost(environment, apiHost).own;
}

Status AccountChoice::choose(const QProcessEnvironment &environment, const QString &apiHost,
                             const QString &email)
{
    return update(environment, [&](QJsonObject &root) { setEntry(root, "chosen", apiHost, email); });
}

Status AccountChoice::signedInHere(const QProcessEnvironment &environment, const QString &apiHost,
                                   const QString &email)
{
    return update(environment, [&](QJsonObject &root) {
        setEntry(root, "own", apiHost, email);
        setEntry(root, "chosen", apiHost, email);
    });
}

Status AccountChoice::signedOutHere(const QProcessEnvironment &environment, const QString &apiHost)
{
    const QString path = filePath(environment);
    if (path.isEmpty() || !QFile::exists(path))
        return {};
    return update(environment, [&](QJsonObject &root) {
        const QString own = entry(root, "own", apiHost);
        setEntry(root, "own", apiHost, QString());
        if (!own.isEmpty() && entry(root, "chosen", apiHost) == own)
            setEntry(root, "chosen", apiHost, QString());
    });
}

Status AccountChoice::update(const QProcessEnvironment &environment,
                             const std::function<void(QJsonObject &)> &change)
{
    const QString path = filePath(environment);
    if (path.isEmpty())
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("nowhere to remember the account (HOME is not set)"));
    QJsonObject root = load(path);
    change(root);
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
