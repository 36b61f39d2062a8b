// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// An add-on instance. `plan` is the qualified plan name ("cleardb:punch"); `state` is one of
// provisioning | provisioned | deprovisioned (the schema's add-on state enum); `databaseUrl` is
// what the provisioner produced, empty until provisioned. `seedBytes` is how much sample data a
// seeded add-on's database gets when it is real (heroku-sim --sandbox-cluster); 0 for an empty one.
// toJson()/fromJson() are the --state file format, not the API representation (see ResourceRenderer).
struct SimAddon
{
    QString id;
    QString name;
    QString appId;
    QString plan;
    QString state;
    QString providerId;
    QString databaseUrl;
    qint64 seedBytes = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    QJsonObject toJson() const;
    // False when a required member is missing or has the wrong type.
    static bool fromJson(const QJsonObject &json, SimAddon *out);
};
