// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "SandboxOptions.h"

class SandboxCluster;
struct SandboxResult;

// `cleardbctl sandbox start|stop|status [--dir DIR] [--base-port PORT] [--dedicated]`: the local sandbox
// cluster (two MariaDB masters with TLS behind HAProxy, scripts/sandbox/cluster.sh; with --dedicated,
// start also starts the separate dedicated server on PORT+4). Each action prints the status
// afterwards (--json: one object). Exit codes: 0 the action worked (status: the whole cluster runs),
// 1 it failed (status: something is stopped), 2 usage.
class SandboxCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

    QString name() const override { return QStringLiteral("sandbox"); }
    QString summary() const override
    {
        return QStringLiteral("Start, stop or show the local sandbox cluster (MariaDB pair + HAProxy).");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return false; }
    void start() override;

private:
    void onResult(const SandboxResult &result);

    QString m_action;
    bool m_withDedicated = false;
    SandboxOptions::Location m_sandbox;
};
