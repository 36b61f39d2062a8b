// SPDX-License-Identifier: MIT
#include "sim/state/StateStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

StateStore::LoadResult StateStore::load(const QString &path, SimState *state, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return LoadResult::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read state file %1: %2").arg(path, file.errorString());
        return LoadResult::Invalid;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error =
            QStringLiteral("state file %1 is not valid JSON (%2); delete it to start from fresh seed data")
                .arg(path, parseError.errorString());
        return LoadResult::Invalid;
    }
    QString why;
    if (!SimState::fromJson(doc.object(), state, &why)) {
        *error = QStringLiteral("state file %1: %2; delete it to start from fresh seed data").arg(path, why);
        return LoadResult::Invalid;
    }
    return LoadResult::Loaded;
}

bool StateStore::save(const QString &path, const SimState &state, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write state file %1: %2").arg(path, file.errorString());
        return false;
    }
    // Owner-only: the file holds database URLs with passwords (real ones with a real provisioner).
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("cannot write state file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
