// SPDX-License-Identifier: MIT
#pragma once

#include <QProcessEnvironment>
#include <QString>

// The environment for a long-lived child the sandbox starts (heroku-sim, cluster.sh and through it
// mariadbd and HAProxy): the caller's own, minus every credential in it. A daemon keeps its
// environment for its whole life, readable in /proc/PID/environ by anyone who shares its user, so a
// Heroku API key or a database URL we happened to hold must not go with it.
//
//     QProcessEnvironment env =
//     DaemonEnvironment::withoutCredentials(QProcessEnvironment::systemEnvironment());
//     env.insert(QStringLiteral("HEROKU_SIM_TOKEN"), token); // what the child needs, added back explicitly
//
// It removes by name (HEROKU_API_KEY, *_TOKEN, *PASSWORD*, *_SECRET, *_KEY, DATABASE_URL, *_DATABASE_URL,
// MYSQL_PWD, ...) and by value (any URL with a password in it). It does not try to recognise bare
// secrets under innocent names; scripts/sandbox/cluster.sh applies the same rules for its daemons.
class DaemonEnvironment
{
public:
    static QProcessEnvironment withoutCredentials(const QProcessEnvironment &environment);
    static bool isCredential(const QString &name, const QString &value);
};
