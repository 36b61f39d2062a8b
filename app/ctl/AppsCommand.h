// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "heroku/HerokuResult.h"

// `cleardbctl apps`: every app the account can see, all pages followed
// (Heroku serves at most 1000 per request; HerokuRequest asks for that page size),
// with the team that owns each (the app's `team`; empty for a personal app).
// --personal keeps the apps without a team; --team NAME (or id) keeps that team's
// apps, after checking with GET /teams that the account is in that team, so a
// mistyped name is an error rather than an empty list. --json prints the API's app
// objects unchanged (filtered the same way).
class AppsCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("apps"); }
    QString summary() const override { return QStringLiteral("List all apps (every page), or one team's."); }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void finish();

    QString m_team;
    bool m_personal = false;
    int m_waiting = 0;
    HerokuResult m_apps;
    HerokuResult m_teams;
};
