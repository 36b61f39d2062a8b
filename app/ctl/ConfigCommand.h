// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl config --app APP [--reveal]`: an app's config vars, sorted by
// name, credentials masked by ConfigVarMasker unless --reveal. --json prints one
// object name → value (masked the same way).
class ConfigCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("config"); }
    QString summary() const override
    {
        return QStringLiteral("Show an app's config vars (credentials masked unless --reveal).");
    }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    QString m_app;
    bool m_reveal = false;
};
