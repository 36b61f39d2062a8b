// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl addons [--app APP]`: the add-ons of one app, or of every app the
// account can see. --json prints the API's add-on objects unchanged.
class AddonsCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("addons"); }
    QString summary() const override { return QStringLiteral("List add-ons of one app or of all apps."); }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    QString m_app;
};
