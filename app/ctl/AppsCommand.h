// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl apps`: every app the account can see, all pages followed
// (Heroku serves at most 1000 per request; HerokuRequest asks for that page size).
// --json prints the API's app objects unchanged.
class AppsCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("apps"); }
    QString summary() const override { return QStringLiteral("List all apps (every page)."); }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;
};
