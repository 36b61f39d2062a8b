// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

// Masks config var values that hold credentials before cleardbctl prints them or
// the console shows them, because `config` output ends up in terminals,
// screenshots and CI logs. CLI and GUI share these rules so a value is masked
// the same way wherever it appears.
//
// A value is masked when
//  - its name says it is a credential: ends in _KEY or _TOKEN, or contains
//    SECRET or PASSWORD (SECRET_KEY_BASE, DB_PASSWORD, AWS_SECRET_ACCESS_KEY); the
//    whole value becomes SecretRedactor::mask();
//  - it is a URL with a password (CLEARDB_DATABASE_URL, DATABASE_URL, REDIS_URL):
//    only the password is masked, through DatabaseUrl::redacted() for MySQL URLs
//    and the same rule for other schemes, so the host and database stay readable.
// Everything else is shown as is. `config --reveal` and the console's per-row
// reveal skip masking entirely.
class ConfigVarMasker
{
public:
    static bool isSecretName(const QString &name);
    static QString masked(const QString &name, const QString &value);
    // Every string value masked; nulls (unset vars in a PATCH) kept.
    static QJsonObject masked(const QJsonObject &vars);
};
