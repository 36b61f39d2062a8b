// SPDX-License-Identifier: MIT
#include "sim/state/StateStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

Result<std::optional<SimState>> StateStore::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::optional<SimState>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot read state file %1: %2").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(
            Error::Kind::InvalidInput,
            QStringLiteral("state file %1 is not valid JSON (%2); delete it to start from fresh seed data")
                .arg(path, parseError.errorString()));
    Result<SimState> state = SimState::fromJson(doc.object());
    if (!state)
        return makeError(Error::Kind::InvalidInput,
                         QStringLiteral("state file %1: %2; delete it to start from fresh seed data")
                             .arg(path, state.error().message));
    return std::optional<SimState>(std::move(state).value());
}

Status StateStore::save(const QString &path, const SimState &state)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot write state file %1: %2").arg(path, file.errorString()));
    // Owner-only: the file holds database URLs with passwords (real ones with a real provisioner).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return makeError(Error::Kind::Io,
                         QStringLiteral("cannot write state file %1: %2").arg(path, file.errorString()));
    return {};
}
