// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// One dyno of an app ("web.1"). Restart refreshes `updatedAt` and counts in `restarts`.
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimDyno
{
    QString id;
    QString appId;
    QString name;
    QString type;
    QString command;
    QString size;
    QString state;
    int restarts = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimDyno *out);
};
