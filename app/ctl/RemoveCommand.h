// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl remove --app APP --confirm APP [ADDON]`: delete a ClearDB add-on
// and with it the database. Like `heroku addons:destroy --confirm`, the app name
// must be typed twice; without that prepare() refuses and nothing is sent.
class RemoveCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("remove"); }
    QString summary() const override
    {
        return QStringLiteral("Delete an app's ClearDB add-on and its data (needs --confirm APP).");
    }
    void configure(QCommandLineParser &parser) override;
    QString prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void remove(const QString &addon);

    QString m_app;
    QString m_addon;
};
