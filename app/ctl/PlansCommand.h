// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"

// `cleardbctl plans [SERVICE]`: the plans of an add-on service, ClearDB's by
// default, as the API lists them (name, price, default flag).
class PlansCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("plans"); }
    QString summary() const override
    {
        return QStringLiteral("List the plans of an add-on service (default cleardb).");
    }
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    void start() override;

private:
    QString m_service;
};
