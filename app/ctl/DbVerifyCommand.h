// SPDX-License-Identifier: MIT
#pragma once

#include "TransferCommand.h"

class DatabaseVerifier;
struct VerifyOutcome;

// `cleardbctl db verify --from SPEC --to SPEC`: core's DatabaseVerifier (schema objects from
// information_schema, table contents by a per-row digest, read-only on both sides). Exit 0 when the
// two are identical; 1 when they differ, with every differing table and object named, one per line
// (--json: in the summary's "differences"), or when they could not be compared.
class DbVerifyCommand : public TransferCommand
{
    Q_OBJECT
public:
    using TransferCommand::TransferCommand;

    QString name() const override { return QStringLiteral("db verify"); }
    QString summary() const override
    {
        return QStringLiteral("Compare two databases and name every table or object that differs.");
    }
    QString details() const override;
    void configure(QCommandLineParser &parser) override;
    Status prepare(const QCommandLineParser &parser) override;

protected:
    QString what() const override { return QStringLiteral("verify"); }
    void run(const QList<ResolvedDatabase> &databases) override;
    void cancelJob() override;

private:
    void onFinished(const VerifyOutcome &outcome, const QList<ResolvedDatabase> &databases);

    DatabaseVerifier *m_verifier = nullptr;
};
