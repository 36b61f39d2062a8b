// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "heroku/HerokuError.h"

#include <QJsonValue>

// `cleardbctl remove --app APP --confirm APP [ADDON]`: delete a ClearDB add-on
// and with it the database. Like `heroku addons:destroy --confirm`, the app name
// must be typed twice; without that prepare() refuses and nothing is sent.
// The DELETE is sent once. When its answer is lost, or it meets a 404, the app's
// add-on list decides: gone means removed (exit 0, "already removed" after a
// 404), still listed means the outcome is unknown and the user is told to look.
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
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    void remove(const QString &addon);
    void checkGone(const QString &addon, const HerokuError &deleteError);
    HerokuError unknownOutcome(const QString &addon, const HerokuError &deleteError) const;
    void removed(const QJsonValue &data, const QString &message);

    QString m_app;
    QString m_addon;
};
