// SPDX-License-Identifier: MIT
#include "sim/faults/RateLimiter.h"

#include <QElapsedTimer>
#include <cmath>

RateLimiter::RateLimiter(int capacity, Clock clock) : m_capacity(capacity), m_clock(std::move(clock))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_clock = [timer] { return timer->elapsed(); };
    }
}

RateLimiter::Bucket &RateLimiter::refilled(const QByteArray &key)
{
    const qint64 now = m_clock();
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_capacity), now});
    const double gained = double(now - it->updatedMs) * RefillPerMinute / 60000.0;
    it->tokens = std::min(double(m_capacity), it->tokens + gained);
    it->updatedMs = now;
    return *it;
}

RateLimiter::Decision RateLimiter::consume(const QByteArray &key)
{
    Bucket &bucket = refilled(key);
    Decision d;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        d.remaining = int(std::floor(bucket.tokens));
        return d;
    }
    d.allowed = false;
    d.remaining = 0;
    const double secondsPerToken = 60.0 / RefillPerMinute;
    d.retryAfterSeconds = std::max(1, int(std::ceil((1.0 - bucket.tokens) * secondsPerToken)));
    return d;
}

int RateLimiter::remaining(const QByteArray &key)
{
    return int(std::floor(refilled(key).tokens));
}
