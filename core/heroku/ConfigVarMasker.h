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
//  - its name says it is a credential (SecretPatterns::isSecretName: DB_PASS,
//    API_KEY, SECRET_KEY_BASE, GITHUB_TOKEN, DB_PASSWORD, authToken …); the whole
//    value becomes SecretRedactor::mask();
//  - otherwise, in part: the password of every URL in it (any scheme, multi-host
//    mongodb://, jdbc:, and text no URL parser accepts, such as an unencoded '#'
//    in the password), every secret-named option (`?password=…`, `;Pwd=…`), and
//    PEM private keys; the host and database stay readable.
// Everything else is shown as is. `config --reveal` and the console's per-row
// reveal skip masking entirely. The rules live in SecretRedactor::redactValue(),
// which cleardbctl's output also applies to everything it prints.
class ConfigVarMasker
{
public:
    static bool isSecretName(const QString &name);
    static QString masked(const QString &name, const QString &value);
    // Every string value masked; nulls (unset vars in a PATCH) kept.
    static QJsonObject masked(const QJsonObject &vars);
};
