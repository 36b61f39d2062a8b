// SPDX-License-Identifier: MIT
// The plan pickers' model: the plans API answer joined with ClearDB's limits, cheapest first.
#include "addons/PlanListModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

namespace {
QJsonObject plan(const QString &name, int cents, bool isDefault = false)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("human_name"), name.section(QLatin1Char(':'), 1).toUpper()},
        {QStringLiteral("price"),
         QJsonObject{{QStringLiteral("cents"), cents}, {QStringLiteral("unit"), QStringLiteral("month")}}},
        {QStringLiteral("default"), isDefault}};
}
} // namespace

class TestPlanListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsPricesAndLimitsCheapestFirst();
    void unknownPlanKeepsPriceWithoutGuessing();
    void priceDifference_data();
    void priceDifference();
};

void TestPlanListModel::joinsPricesAndLimitsCheapestFirst()
{
    PlanListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPlans(QJsonArray{plan(QStringLiteral("cleardb:scream"), 9999),
                              plan(QStringLiteral("cleardb:punch"), 999),
                              plan(QStringLiteral("cleardb:ignite"), 0, true)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(PlanListModel::QualifiedNameRole).toString(),
             QStringLiteral("cleardb:ignite"));
    QCOMPARE(model.index(2).data(PlanListModel::QualifiedNameRole).toString(),
             QStringLiteral("cleardb:scream"));
    QCOMPARE(model.defaultRow(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("punch")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("cleardb:punch")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("drift")), -1);
    // Punch's 15 connections is published; Ignite's limit is not, so it says "about".
    QCOMPARE(model.index(1).data().toString(),
             QStringLiteral("PUNCH — $9.99/month · 1 GB storage, 15 connections"));
    QVERIFY(model.index(0).data().toString().contains(
        QStringLiteral("free · 5 MB storage, about 10 connections")));
}

void TestPlanListModel::unknownPlanKeepsPriceWithoutGuessing()
{
    PlanListModel model;
    model.setPlans(QJsonArray{plan(QStringLiteral("cleardb:punch8"), 1099)});
    QCOMPARE(model.index(0).data().toString(),
             QStringLiteral("PUNCH8 — $10.99/month · limits not published"));
    QVERIFY(!model.planAt(0).limits.has_value());
}

void TestPlanListModel::priceDifference_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("text");
    QTest::newRow("upgrade") << 0 << 9999 << QStringLiteral("+$99.99/month");
    QTest::newRow("downgrade") << 4999 << 999 << QStringLiteral("−$40.00/month");
    QTest::newRow("same") << 999 << 999 << QStringLiteral("no change in price");
    QTest::newRow("cents padded") << 0 << 905 << QStringLiteral("+$9.05/month");
}

void TestPlanListModel::priceDifference()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, text);
    QCOMPARE(PlanListModel::priceDifferenceText(from, to), text);
}

QTEST_GUILESS_MAIN(TestPlanListModel)
#include "tst_planlistmodel.moc"
