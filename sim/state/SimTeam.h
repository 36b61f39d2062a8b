// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

// A Heroku team: apps it owns (SimApp::teamId) are visible to every member. `members` maps an
// account id to its role ("admin", "member", ...).
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimTeam
{
    QString id;
    QString name;
    QDateTime createdAt;
    QMap<QString, QString> members;

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimTeam *out);
};
