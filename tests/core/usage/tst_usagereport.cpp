// SPDX-License-Identifier: MIT
// UsageReport: which connection limit counts (the server's per-user one before the plan's), the
// findings in order of urgency with the notes a ClearDB database needs, and the JSON cleardbctl prints.
#include "usage/UsageReport.h"

#include <QJsonArray>
#include <QtTest>

using Level = UsageFinding::Level;

class TestUsageReport : public QObject
{
    Q_OBJECT
    static constexpr qint64 Mb = 1024 * 1024;
    const std::optional<ClearDbPlan> m_ignite = ClearDbPlans::find(QStringLiteral("ignite"));

    static DatabaseUsage usage(qint64 bytes, int inUse, int userLimit)
    {
        DatabaseUsage u;
        u.tables = {{QStringLiteral("orders"), bytes * 3 / 4, bytes / 4, 1200},
                    {QStringLiteral("users"), 0, 0, 0},
                    {QStringLiteral("logs"), 0, 0, 0}};
        u.connectionsInUse = inUse;
        u.maxUserConnections = userLimit;
        u.maxConnections = 151;
        u.waitTimeoutSeconds = 28800;
        u.serverVersion = QStringLiteral("10.11.6-MariaDB");
        return u;
    }

private Q_SLOTS:
    void theServersPerUserLimitWinsOverThePlans()
    {
        const UsageReport report(usage(Mb, 4, 4), m_ignite, false);
        QCOMPARE(report.connectionLimitSource(), UsageReport::LimitSource::Server);
        QCOMPARE(report.connectionLimit(), 4); // not ignite's 10
        QCOMPARE(report.connections().level, Level::Alert);
        QCOMPARE(UsageReport(usage(Mb, 3, 4), m_ignite, false).connections().level, Level::Fine); // 75 %
    }

    void thePlansLimitStandsInWhenTheServerHasNone()
    {
        const UsageReport report(usage(Mb, 9, 0), m_ignite, false);
        QCOMPARE(report.connectionLimitSource(), UsageReport::LimitSource::Plan);
        QCOMPARE(report.connectionLimit(), m_ignite->maxConnections);
        QCOMPARE(report.connections().level, Level::Warning); // 9 of 10
        QVERIFY2(report.connections().line.contains(QStringLiteral("The limit is the plan's")),
                 qPrintable(report.connections().line));
        // Without a plan nor a server limit there is no limit, and nothing to upgrade to.
        const UsageReport none(usage(Mb, 9, 0), std::nullopt, false);
        QCOMPARE(none.connectionLimitSource(), UsageReport::LimitSource::None);
        QCOMPARE(none.connections().level, Level::Fine);
        QVERIFY(!none.storage());
    }

    void findingsComeMostUrgentFirst()
    {
        DatabaseUsage u = usage(6 * Mb, 1, 10);
        u.readOnly = true;
        const QList<UsageFinding> findings = UsageReport(u, m_ignite, true).findings();
        QStringList topics;
        for (const UsageFinding &f : findings)
            topics << f.topic;
        QCOMPARE(topics, (QStringList{QStringLiteral("storage"), QStringLiteral("read_only"),
                                      QStringLiteral("connections"), QStringLiteral("idle")}));
        QCOMPARE(findings.at(0).level, Level::Alert);
        QVERIFY2(findings.at(3).line.contains(QStringLiteral("about 90 s")) &&
                     findings.at(3).line.contains(QStringLiteral("28800 s")),
                 qPrintable(findings.at(3).line));
        QCOMPARE(UsageReport(u, m_ignite, true).worstLevel(), Level::Alert);
        // The router's note is for ClearDB's routed URLs only.
        for (const UsageFinding &f : UsageReport(usage(Mb, 1, 10), m_ignite, false).findings())
            QVERIFY(f.topic != QStringLiteral("idle"));
        QCOMPARE(UsageReport(usage(Mb, 1, 10), m_ignite, false).worstLevel(), Level::Fine);
    }

    void jsonCarriesFiguresLimitsAndFindings()
    {
        const QJsonObject json = UsageReport(usage(6 * Mb, 2, 10), m_ignite, true).toJson(2);
        QCOMPARE(json.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("ignite"));
        const QJsonObject storage = json.value(QStringLiteral("storage")).toObject();
        QCOMPARE(storage.value(QStringLiteral("used_bytes")).toDouble(), double(6 * Mb));
        QCOMPARE(storage.value(QStringLiteral("limit_bytes")).toDouble(), double(5 * Mb));
        QCOMPARE(storage.value(QStringLiteral("percent")).toInt(), 120);
        QCOMPARE(storage.value(QStringLiteral("level")).toString(), QStringLiteral("alert"));
        const QJsonObject connections = json.value(QStringLiteral("connections")).toObject();
        QCOMPARE(connections.value(QStringLiteral("in_use")).toInt(), 2);
        QCOMPARE(connections.value(QStringLiteral("limit_source")).toString(), QStringLiteral("server"));
        QCOMPARE(json.value(QStringLiteral("tables")).toArray().size(), 2); // capped
        QCOMPARE(json.value(QStringLiteral("table_count")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("router_idle_seconds")).toInt(), 90);
        QCOMPARE(json.value(QStringLiteral("findings"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("level"))
                     .toString(),
                 QStringLiteral("alert"));
        // No plan: null, and storage without a limit.
        const QJsonObject bare = UsageReport(usage(Mb, 1, 0), std::nullopt, false).toJson();
        QVERIFY(bare.value(QStringLiteral("plan")).isNull());
        QVERIFY(!bare.value(QStringLiteral("storage")).toObject().contains(QStringLiteral("limit_bytes")));
        QVERIFY(bare.value(QStringLiteral("router_idle_seconds")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestUsageReport)
#include "tst_usagereport.moc"
