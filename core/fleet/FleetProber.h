// SPDX-License-Identifier: MIT
#pragma once

#include "credentials/Secret.h"
#include "usage/UsageReading.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class UsageReader;

// Reads the usage of many databases with a bounded number of connections: at most concurrency()
// UsageReaders at once (never more than MaxConcurrency, so a fleet of a hundred add-ons does not open a
// hundred connections from one desktop) and at most one per database: rows whose URLs are equal share
// one read, whether they arrive before, during or after it.
//
//     prober.add(row, url);   // as each row's URL becomes known
//     connect(&prober, &FleetProber::readingFinished, this, [](QList<int> rows, UsageReading r) { … });
//
// Every reader holds one connection and closes it before it reports (UsageReader). abort() drops every
// read: no signal follows, and the readers' threads end on their own without blocking the caller.
class FleetProber : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxConcurrency = 8;

    explicit FleetProber(QObject *parent = nullptr);
    ~FleetProber() override;

    // Clamped to 1..MaxConcurrency.
    void setConcurrency(int concurrency);
    int concurrency() const { return m_concurrency; }
    // Per-stage timeout of each read (ProbeTarget::timeoutMs).
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    void add(int row, const Secret &url);
    void abort();

    int peakRunning() const { return m_peak; }
    bool isIdle() const { return m_busy.isEmpty() && m_queue.isEmpty() && m_pendingEmits == 0; }

Q_SIGNALS:
    void readingStarted(const QList<int> &rows);
    void readingFinished(const QList<int> &rows, const UsageReading &reading);

private:
    struct Database
    {
        QList<int> rows;
        bool done = false;
        UsageReading reading;
    };
    void pump();
    void launch(const QString &key);
    void onReaderFinished(UsageReader *reader, const UsageReading &reading);
    void emitLater(const QList<int> &rows, const UsageReading &reading);

    int m_concurrency = MaxConcurrency;
    int m_timeoutMs = 5000;
    int m_peak = 0;
    int m_pendingEmits = 0;
    quint64 m_generation = 0;
    QHash<QString, Database> m_databases; // by URL: memory only, never shown
    QList<QString> m_queue;
    QList<UsageReader *> m_idle;
    QHash<UsageReader *, QString> m_busy;
};
