// SPDX-License-Identifier: MIT
#include "monitor/SampleBuffer.h"

SampleBuffer::SampleBuffer(int capacity)
{
    m_items.resize(qMax(1, capacity));
}

void SampleBuffer::append(const MonitorSample &sample)
{
    const int cap = m_items.size();
    if (m_size < cap) {
        m_items[(m_head + m_size) % cap] = sample;
        ++m_size;
        return;
    }
    m_items[m_head] = sample;
    m_head = (m_head + 1) % cap;
    ++m_dropped;
}

void SampleBuffer::clear()
{
    m_head = 0;
    m_size = 0;
    m_dropped = 0;
}

const MonitorSample &SampleBuffer::at(int index) const
{
    return m_items.at((m_head + index) % m_items.size());
}

QList<MonitorSample> SampleBuffer::samples() const
{
    QList<MonitorSample> list;
    list.reserve(m_size);
    for (int i = 0; i < m_size; ++i)
        list.append(at(i));
    return list;
}
