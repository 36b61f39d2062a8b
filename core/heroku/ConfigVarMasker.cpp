// SPDX-License-Identifier: MIT
#include "ConfigVarMasker.h"

#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"

#include <QRegularExpression>
#include <QUrl>

namespace {
QString maskedUrl(const QString &value)
{
    if (!value.contains(QStringLiteral("://")))
        return QString();
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(value);
    if (parsed.ok())
        return parsed.url.hasPassword() ? parsed.url.redacted() : value;
    // Not MySQL (postgres://, redis://, amqp://…): mask the RFC 3986 userinfo password.
    QUrl url(value, QUrl::TolerantMode);
    if (!url.isValid() || url.password().isEmpty())
        return QString();
    url.setPassword(DatabaseUrl::passwordMask());
    return url.toString();
}
} // namespace

bool ConfigVarMasker::isSecretName(const QString &name)
{
    static const QRegularExpression secretName(QStringLiteral("(_KEY|_TOKEN)$|SECRET|PASSWORD|PASSWD"),
                                               QRegularExpression::CaseInsensitiveOption);
    return secretName.match(name).hasMatch();
}

QString ConfigVarMasker::masked(const QString &name, const QString &value)
{
    if (value.isEmpty())
        return value;
    if (isSecretName(name))
        return SecretRedactor::mask();
    const QString url = maskedUrl(value);
    return url.isNull() ? value : url;
}

QJsonObject ConfigVarMasker::masked(const QJsonObject &vars)
{
    QJsonObject result;
    for (auto it = vars.constBegin(); it != vars.constEnd(); ++it)
        result.insert(it.key(), it->isString() ? QJsonValue(masked(it.key(), it->toString())) : *it);
    return result;
}
