// SPDX-License-Identifier: MIT
#pragma once

#include "monitor/MonitorSample.h"

#include <QList>

// Fixed-capacity ring of the most recent samples: a monitor left running for days keeps bounded
// memory (at 100 ms per probe and three endpoints, 30000 samples hold the last ~17 minutes).
class SampleBuffer
{
public:
    explicit SampleBuffer(int capacity = 30000);

    void append(const MonitorSample &sample);
    void clear();
    int size() const { return m_size; }
    int capacity() const { return m_items.size(); }
    qint64 droppedCount() const { return m_dropped; }
    // Oldest first.
    QList<MonitorSample> samples() const;
    const MonitorSample &at(int index) const;

private:
    QList<MonitorSample> m_items;
    int m_head = 0; // index of the oldest sample
    int m_size = 0;
    qint64 m_dropped = 0;
};
