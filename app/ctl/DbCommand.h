// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl db`: the group of data-moving subcommands (dump, restore, verify, copy). The dispatcher
// runs `db SUB …` as the command named "db SUB"; this one only answers `db`, `db --help` and an
// unknown subcommand, so every subcommand keeps its own options and --help.
class DbCommand : public Command
{
    Q_OBJECT
public:
    DbCommand(const QStringList &subcommands, CommandContext *context)
        : Command(context), m_subcommands(subcommands)
    {
    }

    QString name() const override { return QStringLiteral("db"); }
    QString summary() const override
    {
        return QStringLiteral("Move data: dump, restore, verify (and copy) databases.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override {}

private:
    QStringList m_subcommands;
};
