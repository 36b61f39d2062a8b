// SPDX-License-Identifier: MIT
#pragma once

#include "TransferCommand.h"

class DumpJob;

// `cleardbctl db dump --from SPEC --output FILE`: core's DumpJob (mariadb-dump in a consistent
// snapshot, definers removed, gzip when FILE ends in .gz). FILE appears only when the dump completed;
// a failure or an interrupt leaves no partial file and an existing FILE unchanged.
class DbDumpCommand : public TransferCommand
{
    Q_OBJECT
public:
    using TransferCommand::TransferCommand;

    QString name() const override { return QStringLiteral("db dump"); }
    QString summary() const override { return QStringLiteral("Dump a database to a file (.gz: gzip)."); }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;

protected:
    QString what() const override { return QStringLiteral("dump"); }
    void run(const QList<ResolvedDatabase> &databases) override;
    void cancelJob() override;

private:
    QString m_output;
    DumpJob *m_job = nullptr;
};
