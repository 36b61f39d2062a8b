// SPDX-License-Identifier: MIT
#pragma once

#include "TransferCommand.h"

class CopyJob;

// `cleardbctl db copy --from SPEC --to SPEC [--replace]`: first core's TransferPreflight (size against
// the plan's quota when the target is an app's ClearDB, versions, the target user's privileges,
// binary-log trust, what the target holds; its findings are printed, and a blocker stops the copy
// before anything is written), then core's CopyJob (mariadb-dump of the source streamed into the
// target's client, no temporary file, definers removed). The source is only read. A target that is not empty
// is refused untouched unless --replace; after a failure or an interrupt the target may be partly loaded, and
// the error says that re-running with --replace completes it.
class DbCopyCommand : public TransferCommand
{
    Q_OBJECT
public:
    using TransferCommand::TransferCommand;

    QString name() const override { return QStringLiteral("db copy"); }
    QString summary() const override { return QStringLiteral("Copy a database into another, streaming."); }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;

protected:
    QString what() const override { return QStringLiteral("copy"); }
    void run(const QList<ResolvedDatabase> &databases) override;
    void cancelJob() override;

private:
    void copy(const ResolvedDatabase &source, const ResolvedDatabase &target);

    bool m_replace = false;
    CopyJob *m_job = nullptr;
};
