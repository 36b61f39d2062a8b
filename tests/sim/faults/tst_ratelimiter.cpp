// SPDX-License-Identifier: MIT
// RateLimiter: Heroku's per-account bucket, driven by an injected clock.
#include "sim/faults/RateLimiter.h"

#include <QTest>

class TestRateLimiter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void spendsAndRefuses();
    void refillsAbout75PerMinuteUpToCapacity();
    void bucketsArePerKey();
};

void TestRateLimiter::spendsAndRefuses()
{
    qint64 now = 0;
    RateLimiter limiter(3, [&now] { return now; });
    QCOMPARE(limiter.consume("t").remaining, 2);
    QCOMPARE(limiter.consume("t").remaining, 1);
    QCOMPARE(limiter.consume("t").remaining, 0);
    const RateLimiter::Decision refused = limiter.consume("t");
    QVERIFY(!refused.allowed);
    QCOMPARE(refused.remaining, 0);
    QCOMPARE(refused.retryAfterSeconds, 1); // one token takes 60/75 = 0.8 s
}

void TestRateLimiter::refillsAbout75PerMinuteUpToCapacity()
{
    qint64 now = 0;
    RateLimiter limiter(4500, [&now] { return now; });
    for (int i = 0; i < 4500; ++i)
        QVERIFY(limiter.consume("t").allowed);
    QVERIFY(!limiter.consume("t").allowed);
    now += 60 * 1000;
    QCOMPARE(limiter.remaining("t"), 75);
    now += 24 * 60 * 60 * 1000;
    QCOMPARE(limiter.remaining("t"), 4500); // never above the budget
    QCOMPARE(limiter.capacity(), 4500);
}

void TestRateLimiter::bucketsArePerKey()
{
    qint64 now = 0;
    RateLimiter limiter(1, [&now] { return now; });
    QVERIFY(limiter.consume("a").allowed);
    QVERIFY(!limiter.consume("a").allowed);
    QVERIFY(limiter.consume("b").allowed);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
