// SPDX-License-Identifier: MIT
// UsageRules: the 80 % warning and 95 % alert for storage and connections, crossed and not crossed,
// over the quota, at the connection limit, and the way out each names (the next plan and its price, the
// largest tables).
#include "usage/UsageRules.h"

#include <QtTest>

using Level = UsageFinding::Level;

class TestUsageRules : public QObject
{
    Q_OBJECT
    const ClearDbPlan m_ignite = *ClearDbPlans::find(QStringLiteral("ignite"));
    const ClearDbPlan m_punch = *ClearDbPlans::find(QStringLiteral("punch"));
    static constexpr qint64 Mb = 1024 * 1024;

private Q_SLOTS:
    void storageThresholds_data()
    {
        QTest::addColumn<qint64>("used");
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("percent");
        QTest::newRow("empty") << qint64(0) << int(Level::Fine) << 0;
        QTest::newRow("just below 80 %") << qint64(4 * Mb - 1) << int(Level::Fine) << 79;
        QTest::newRow("80 %") << qint64(4 * Mb) << int(Level::Warning) << 80;
        QTest::newRow("just below 95 %") << qint64(5 * Mb * 95 / 100 - 1) << int(Level::Warning) << 94;
        QTest::newRow("95 %") << qint64(5 * Mb * 95 / 100) << int(Level::Alert) << 95;
        QTest::newRow("over") << qint64(16 * Mb) << int(Level::Alert) << 320;
    }
    void storageThresholds()
    {
        QFETCH(qint64, used);
        QFETCH(int, level);
        QFETCH(int, percent);
        const UsageFinding finding = UsageRules::storage(used, m_ignite, {QStringLiteral("orders")});
        QCOMPARE(int(finding.level), level);
        QCOMPARE(finding.percent, percent);
        QVERIFY2(finding.line.startsWith(QStringLiteral("Storage: ")), qPrintable(finding.line));
        QVERIFY2(finding.line.contains(QStringLiteral("Ignite's 5.0 MB")), qPrintable(finding.line));
        // Only a warning or an alert says what to do.
        QCOMPARE(finding.line.contains(QStringLiteral("upgrade to Punch ($9.99/month)")),
                 level != int(Level::Fine));
        QCOMPARE(finding.line.contains(QStringLiteral("orders")), level != int(Level::Fine));
    }

    void overQuotaSaysSoAndPicksAPlanThatHoldsIt()
    {
        // 16 MB is over ignite's 5 MB and fine on punch's 1 GB: punch is the way out.
        const UsageFinding small = UsageRules::storage(16 * Mb, m_ignite, {});
        QVERIFY2(small.line.contains(QStringLiteral("over the quota; upgrade to Punch")),
                 qPrintable(small.line));
        // 900 MB on punch (87 %): drift holds it below 80 %.
        const UsageFinding big = UsageRules::storage(
            900 * Mb, m_punch,
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")});
        QCOMPARE(big.level, Level::Warning);
        QVERIFY2(big.line.contains(QStringLiteral("upgrade to Drift ($49.99/month)")), qPrintable(big.line));
        QVERIFY2(big.line.contains(QStringLiteral("a, b, c.")), qPrintable(big.line)); // the three largest
        // Nothing larger than scream: only the tables are named.
        const ClearDbPlan scream = *ClearDbPlans::find(QStringLiteral("scream"));
        const UsageFinding full =
            UsageRules::storage(scream.storageBytes(), scream, {QStringLiteral("logs")});
        QVERIFY2(!full.line.contains(QStringLiteral("upgrade")) && full.line.contains(QStringLiteral("logs")),
                 qPrintable(full.line));
    }

    void connectionsAtAndBelowTheLimit()
    {
        QCOMPARE(UsageRules::connections(3, 15, m_punch).level, Level::Fine);
        const UsageFinding warn = UsageRules::connections(12, 15, m_punch);
        QCOMPARE(warn.level, Level::Warning);
        QVERIFY2(warn.line.contains(QStringLiteral("close to the limit")), qPrintable(warn.line));
        const UsageFinding full = UsageRules::connections(15, 15, m_punch);
        QCOMPARE(full.level, Level::Alert);
        QVERIFY2(full.line.contains(QStringLiteral("new connections are refused")) &&
                     full.line.contains(QStringLiteral("upgrade to Drift ($49.99/month) for 30")),
                 qPrintable(full.line));
        // A server without max_user_connections: no percentage to speak of.
        const UsageFinding unlimited = UsageRules::connections(7, 0, m_punch);
        QCOMPARE(unlimited.level, Level::Fine);
        QVERIFY(unlimited.line.contains(QStringLiteral("no per-user limit")));
    }

    void prices()
    {
        QCOMPARE(UsageRules::priceText(m_ignite), QStringLiteral("free"));
        QCOMPARE(UsageRules::priceText(m_punch), QStringLiteral("$9.99/month"));
    }
};

QTEST_GUILESS_MAIN(TestUsageRules)
#include "tst_usagerules.moc"
