// SPDX-License-Identifier: MIT
// FaultPlan: the --faults grammar, path globs and counted rules.
#include "sim/faults/FaultPlan.h"

#include <QTest>

class TestFaultPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesEveryKind();
    void rejects_data();
    void rejects();
    void countedRuleRetires();
    void globsMatchOneSegment();
};

void TestFaultPlan::parsesEveryKind()
{
    FaultPlan plan;
    const Status added = plan.add(QStringLiteral(
        "POST /apps/*/addons=slow:5000;GET /apps=429*2;GET /account=500*1;"
        "GET /apps/*/config-vars=drop*1;GET /addons=malformed*1;GET /account/rate-limits=503"));
    QVERIFY2(added, qPrintable(added ? QString() : added.error().oneLine()));
    QCOMPARE(plan.size(), 6);
    FaultPlan::Fault f;
    QVERIFY(plan.take("POST", QStringLiteral("/apps/a/addons"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Slow);
    QCOMPARE(f.delayMs, 5000);
    QVERIFY(plan.take("GET", QStringLiteral("/apps"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Status429);
    QVERIFY(plan.take("GET", QStringLiteral("/account"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Status500);
    QVERIFY(plan.take("GET", QStringLiteral("/apps/x/config-vars"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Drop);
    QVERIFY(plan.take("GET", QStringLiteral("/addons"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Malformed);
    QVERIFY(plan.take("GET", QStringLiteral("/account/rate-limits"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Status503);
    QVERIFY(!plan.take("PATCH", QStringLiteral("/apps/x/config-vars"), &f));
}

void TestFaultPlan::rejects_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("empty") << QString();
    QTest::newRow("unknown kind") << QStringLiteral("GET /apps=404");
    QTest::newRow("no method") << QStringLiteral("/apps=500");
    QTest::newRow("lowercase method") << QStringLiteral("get /apps=500");
    QTest::newRow("slow without ms") << QStringLiteral("GET /apps=slow");
    QTest::newRow("zero count") << QStringLiteral("GET /apps=500*0");
    QTest::newRow("one bad rule of two") << QStringLiteral("GET /apps=500;POST /apps=teapot");
}

void TestFaultPlan::rejects()
{
    QFETCH(QString, spec);
    FaultPlan plan;
    const Status added = plan.add(spec);
    QVERIFY(!added);
    QCOMPARE(added.error().kind, Error::Kind::InvalidInput);
    QVERIFY(!added.error().message.isEmpty());
    QCOMPARE(plan.size(), 0); // nothing half-added
}

void TestFaultPlan::countedRuleRetires()
{
    FaultPlan plan;
    QVERIFY(plan.add(QStringLiteral("GET /apps=429*2")));
    FaultPlan::Fault f;
    QVERIFY(plan.take("GET", QStringLiteral("/apps"), &f));
    QVERIFY(plan.take("GET", QStringLiteral("/apps"), &f));
    QVERIFY(!plan.take("GET", QStringLiteral("/apps"), &f));
    QVERIFY(plan.add(QStringLiteral("* /account=500")));
    for (int i = 0; i < 5; ++i)
        QVERIFY(plan.take("DELETE", QStringLiteral("/account"), &f)); // uncounted: always
}

void TestFaultPlan::globsMatchOneSegment()
{
    FaultPlan plan;
    QVERIFY(plan.add(QStringLiteral("GET /apps/*=500;GET /addons/**=503")));
    FaultPlan::Fault f;
    QVERIFY(plan.take("GET", QStringLiteral("/apps/x"), &f));
    QVERIFY(!plan.take("GET", QStringLiteral("/apps/x/addons"), &f));
    QVERIFY(!plan.take("GET", QStringLiteral("/apps"), &f));
    QVERIFY(plan.take("GET", QStringLiteral("/addons/a/addon-attachments"), &f));
    QCOMPARE(f.kind, FaultPlan::Kind::Status503);
}

QTEST_GUILESS_MAIN(TestFaultPlan)
#include "tst_faultplan.moc"
