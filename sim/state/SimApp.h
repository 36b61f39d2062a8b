// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// An app in the simulated account. `config` holds every config var, including the ones add-on
// attachments own (those are also derivable from the attachments; see SimState::ownedConfigVars).
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimApp
{
    QString id;
    QString name;
    QDateTime createdAt;
    QDateTime updatedAt;
    QMap<QString, QString> config;
    int releaseVersion = 0;
    QString ownerId; // the owning account's id (a team app: the team's admin)
    QString teamId;  // empty: a personal app

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimApp *out);
};
