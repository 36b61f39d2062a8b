// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

#include <QJsonObject>

// `cleardbctl set --app APP [--restart] VAR=VALUE…` and
// `cleardbctl unset --app APP [--restart] VAR…`: one PATCH /apps/{app}/config-vars
// with every change (values to set, nulls to unset), so Heroku makes one release
// and restarts the dynos once. --restart additionally restarts all dynos
// afterwards. Output masks credentials like `config`. A value given as `-` or
// `env:NAME` is read from stdin or the environment (SecretArgument), so secrets
// need not appear in argv; a literal secret value still works but warns.
class ConfigChangeCommand : public Command
{
    Q_OBJECT
public:
    enum class Mode
    {
        Set,
        Unset,
    };

    ConfigChangeCommand(Mode mode, CommandContext *context);

    QString name() const override;
    QString summary() const override;
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    Mode m_mode;
    QString m_app;
    QJsonObject m_changes;
    bool m_restart = false;
};
