// SPDX-License-Identifier: MIT
#pragma once

#include "TransferCommand.h"

class RestoreJob;

// `cleardbctl db restore --input FILE --to SPEC [--replace]`: the target-side pre-flight (the file's
// size against the target plan's quota, privileges, binary-log trust, what the target holds; a blocker
// stops it before any write), then core's RestoreJob (our dumps and stock mariadb-dump/mysqldump files,
// plain or .gz, definers removed while loading). A target that is not
// empty is refused untouched unless --replace; after a failure or an interrupt the target may be
// partly loaded, and the error says that re-running with --replace completes it.
class DbRestoreCommand : public TransferCommand
{
    Q_OBJECT
public:
    using TransferCommand::TransferCommand;

    QString name() const override { return QStringLiteral("db restore"); }
    QString summary() const override { return QStringLiteral("Load a dump file into a database."); }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;

    // RestoreJob's advice names its mode ("again with replace"); on the command line that is --replace.
    static Error withReplaceOption(Error error);

protected:
    QString what() const override { return QStringLiteral("restore"); }
    void run(const QList<ResolvedDatabase> &databases) override;
    void cancelJob() override;

private:
    void restore(const ResolvedDatabase &target);

    QString m_input;
    bool m_replace = false;
    RestoreJob *m_job = nullptr;
};
