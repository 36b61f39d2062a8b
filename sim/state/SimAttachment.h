// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// An add-on attachment: gives the add-on a name in an app; that app's config var <name>_URL
// belongs to the attachment (Heroku: "attachment name + _URL").
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimAttachment
{
    QString id;
    QString name;
    QString addonId;
    QString appId;
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimAttachment *out);
};
