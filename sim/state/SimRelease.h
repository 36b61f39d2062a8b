// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// One app release; Heroku makes one for every config or add-on change.
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimRelease
{
    QString id;
    QString appId;
    int version = 0;
    QString description;
    QStringList addonPlanNames;
    QDateTime createdAt;

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimRelease *out);
};
