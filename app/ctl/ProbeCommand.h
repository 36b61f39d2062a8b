// SPDX-License-Identifier: MIT
#pragma once

#include "Command.h"
#include "DatabaseTargetArgument.h"
#include "probe/ProbeTarget.h"

class ConnectionProbe;
struct ProbeResult;

// `cleardbctl probe (URL | --app APP [--var VAR]) [--count N] [--timeout MS]`: connects the way a client
// does and prints each stage's time (dns, tcp, greeting, tls, auth, query), the server that answered
// (@@server_id, @@hostname, @@version, @@read_only) and the TLS card. Probes run one after another.
// A failure names its stage and the server's error code and makes the command exit 1 (after all probes).
// --json prints one ProbeResult object per line. The password is never printed.
class ProbeCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    // Ends the SQL worker threads before main() returns (see SqlWorkerThread::waitForFinishedThreads).
    ~ProbeCommand() override;

    QString name() const override { return QStringLiteral("probe"); }
    QString summary() const override
    {
        return QStringLiteral("Time each stage of connecting to a database and show the server reached.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;
    bool needsToken() const override { return m_where.needsToken(); }
    void start() override;

private:
    void next();
    void onFinished(const ProbeResult &result);
    void print(const ProbeResult &result) const;

    DatabaseTargetArgument m_where;
    ProbeTarget m_target;
    ConnectionProbe *m_probe = nullptr;
    int m_count = 1;
    int m_done = 0;
    int m_failures = 0;
    Error m_firstError;
};
