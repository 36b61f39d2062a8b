// SPDX-License-Identifier: MIT
#include "ConfigVarMasker.h"

#include "credentials/SecretPatterns.h"
#include "credentials/SecretRedactor.h"

bool ConfigVarMasker::isSecretName(const QString &name)
{
    return SecretPatterns::isSecretName(name);
}

QString ConfigVarMasker::masked(const QString &name, const QString &value)
{
    return SecretRedactor::redactValue(name, value);
}

QJsonObject ConfigVarMasker::masked(const QJsonObject &vars)
{
    QJsonObject result;
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        result.insert(it.key(), it->isString() ? QJsonValue(masked(it.key(), it->toString())) : *it);
    return result;
}
