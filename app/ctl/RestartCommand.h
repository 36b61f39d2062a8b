// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl restart --app APP`: restart all dynos of an app, e.g. after
// pointing DATABASE_URL somewhere new. --json prints the API's answer.
class RestartCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("restart"); }
    QString summary() const override { return QStringLiteral("Restart all dynos of an app."); }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    QString m_app;
};
