// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <functional>

// Heroku's per-account request budget (Platform API reference, "Rate Limits"): each account
// starts with a full bucket (4500 by default) that refills at roughly 75 tokens per minute; every
// request takes one token, and an empty bucket means 429 until a token has refilled.
//
// Usage: consume(key) per authenticated request, then put remaining() into RateLimit-Remaining
// and, when refused, retryAfterSeconds() into Retry-After. The clock is injectable (milliseconds,
// monotonic) so tests can drive refills without sleeping.
class RateLimiter
{
public:
    using Clock = std::function<qint64()>;
    static constexpr double RefillPerMinute = 75.0;

    explicit RateLimiter(int capacity, Clock clock = {});

    struct Decision
    {
        bool allowed = true;
        int remaining = 0;
        int retryAfterSeconds = 0;
    };
    Decision consume(const QByteArray &key);
    int remaining(const QByteArray &key);
    int capacity() const { return m_capacity; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    Bucket &refilled(const QByteArray &key);

    int m_capacity;
    Clock m_clock;
    QHash<QByteArray, Bucket> m_buckets;
};
