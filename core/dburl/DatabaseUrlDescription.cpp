// SPDX-License-Identifier: MIT
#include "dburl/DatabaseUrlDescription.h"

#include <QJsonArray>

namespace {

QString meaning(const QString &key)
{
    // The MySQL client spelling names the meaning: "sslca" and "SSL_CA" both mean ssl-ca.
    return UrlOptionTable::spellingFor(UrlOptionTable::keyFor(key), Framework::Generic);
}

} // namespace

QJsonObject DatabaseUrlDescription::toJson(const DatabaseUrl &url, bool reveal)
{
    QJsonArray options;
    for (const DatabaseUrl::Option &option : url.options()) {
        const QString name = meaning(option.key);
        options.append(
            QJsonObject{{QStringLiteral("key"), option.key},
                        {QStringLiteral("value"), option.value},
                        {QStringLiteral("meaning"), name.isEmpty() ? QJsonValue() : QJsonValue(name)}});
    }
    QJsonObject json{{QStringLiteral("url"), reveal ? url.toString() : url.redacted()},
                     {QStringLiteral("scheme"), url.scheme()},
                     {QStringLiteral("user"), url.user()},
                     {QStringLiteral("host"), url.host()},
                     {QStringLiteral("port"), url.port()},
                     {QStringLiteral("database"), url.database()},
                     {QStringLiteral("options"), options}};
    if (url.hasPassword())
        json.insert(QStringLiteral("password"), reveal ? url.password() : DatabaseUrl::passwordMask());
    return json;
}

QString DatabaseUrlDescription::toText(const DatabaseUrl &url, bool reveal)
{
    QString text;
    auto line = [&text](const QString &label, const QString &value) {
        text += label.leftJustified(10) + value + QLatin1Char('\n');
    };
    line(QStringLiteral("url:"), reveal ? url.toString() : url.redacted());
    line(QStringLiteral("scheme:"), url.scheme());
    line(QStringLiteral("user:"), url.user());
    line(QStringLiteral("password:"), !url.hasPassword() ? QStringLiteral("(none)")
                                      : reveal           ? url.password()
                                                         : DatabaseUrl::passwordMask());
    line(QStringLiteral("host:"), url.host());
    line(QStringLiteral("port:"), url.hasExplicitPort() ? QString::number(url.port())
                                                        : QStringLiteral("%1 (default)").arg(url.port()));
    line(QStringLiteral("database:"), url.database());
    for (const DatabaseUrl::Option &option : url.options()) {
        const QString name = meaning(option.key);
        line(QStringLiteral("option:"),
             option.key + QLatin1Char('=') + option.value +
                 (name.isEmpty() || name == option.key ? QString() : QStringLiteral("  (%1)").arg(name)));
    }
    return text;
}

QJsonObject DatabaseUrlDescription::errorToJson(const DatabaseUrlError &error)
{
    return {{QStringLiteral("part"), DatabaseUrlError::partName(error.part)},
            {QStringLiteral("message"), error.message}};
}
