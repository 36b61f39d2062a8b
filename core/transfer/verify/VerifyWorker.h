// SPDX-License-Identifier: MIT
#pragma once

#include "probe/ProbeTarget.h"
#include "transfer/verify/VerifyReport.h"

#include <QObject>
#include <atomic>
#include <memory>

class SqlSession;

// Lives in a SqlWorkerThread (see DatabaseVerifier) and does the blocking work of one verification:
// logs in to both databases (with MariaDbConnection's TLS rules), opens a read-only consistent
// snapshot on each, compares their schema snapshots, then digests every table both have, one at a
// time, reporting each. Never writes to either database. `cancelled` is checked between tables.
class VerifyWorker : public QObject
{
    Q_OBJECT
public:
    explicit VerifyWorker(std::shared_ptr<std::atomic_bool> cancelled);
    ~VerifyWorker() override;

public Q_SLOTS:
    void run(const ProbeTarget &source, const ProbeTarget &target);

Q_SIGNALS:
    void tableDone(const QString &table, int done, int total);
    void finished(const VerifyOutcome &outcome);

private:
    VerifyOutcome verify(const ProbeTarget &source, const ProbeTarget &target);

    std::shared_ptr<std::atomic_bool> m_cancelled;
};
