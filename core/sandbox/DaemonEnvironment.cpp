// SPDX-License-Identifier: MIT
#include "sandbox/DaemonEnvironment.h"

#include <QRegularExpression>

bool DaemonEnvironment::isCredential(const QString &name, const QString &value)
{
    static const QRegularExpression byName(
        QStringLiteral(
            "^(HEROKU_API_KEY|HEROKU_SIM_TOKEN|DATABASE_URL|MYSQL_PWD|.*_DATABASE_URL|.*PASSWORD.*|"
            ".*PASSWD.*|.*_TOKEN|.*_SECRET|.*_API_KEY|.*_KEY|.*_CREDENTIALS)$"),
        QRegularExpression::CaseInsensitiveOption);
    // scheme://user:password@host — RFC 3986 userinfo with a password part (REDIS_URL, JAWSDB_URL, ...).
    static const QRegularExpression urlWithPassword(QStringLiteral("://[^/?#@]*:[^/?#]*@"));
    return byName.match(name).hasMatch() || urlWithPassword.match(value).hasMatch();
}

QProcessEnvironment DaemonEnvironment::withoutCredentials(const QProcessEnvironment &environment)
{
    QProcessEnvironment clean = environment;
    const QStringList names = environment.keys();
    for (const QString &name : names) {
        if (isCredential(name, environment.value(name)))
            clean.remove(name);
    }
    return clean;
}
