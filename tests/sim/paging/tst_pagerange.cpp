// SPDX-License-Identifier: MIT
// PageRange: Heroku's Range header grammar, bounds and the Next-Range it hands back.
#include "sim/paging/PageRange.h"

#include <QTest>

class TestPageRange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void nextRangeRoundTrips();
    void boundsAndNumericOrder();
};

void TestPageRange::parses_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("start");
    QTest::addColumn<bool>("exclusive");
    QTest::addColumn<int>("max");
    QTest::addColumn<bool>("descending");
    QTest::newRow("empty = defaults") << QByteArray() << "id"
                                      << "" << false << 200 << false;
    QTest::newRow("id all") << QByteArray("id ..") << "id"
                            << "" << false << 200 << false;
    QTest::newRow("max") << QByteArray("id ..; max=1000") << "id"
                         << "" << false << 1000 << false;
    QTest::newRow("max clamped") << QByteArray("id ..; max=5000") << "id"
                                 << "" << false << 1000 << false;
    QTest::newRow("exclusive start") << QByteArray("id ]abc..; max=10") << "id"
                                     << "abc" << true << 10 << false;
    QTest::newRow("name desc") << QByteArray("name ..; order=desc, max=7") << "name"
                               << "" << false << 7 << true;
    QTest::newRow("inclusive start") << QByteArray("name b..") << "name"
                                     << "b" << false << 200 << false;
}

void TestPageRange::parses()
{
    QFETCH(QByteArray, header);
    const Result<PageRange> parsed = PageRange::parse(header, {QStringLiteral("id"), QStringLiteral("name")});
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().oneLine()));
    const PageRange &r = *parsed;
    QTEST(r.field, "field");
    QTEST(r.start, "start");
    QTEST(r.startExclusive, "exclusive");
    QTEST(r.max, "max");
    QTEST(r.descending, "descending");
}

void TestPageRange::rejects_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("no dots") << QByteArray("id");
    QTest::newRow("unknown field") << QByteArray("created_at ..");
    QTest::newRow("zero max") << QByteArray("id ..; max=0");
    QTest::newRow("text max") << QByteArray("id ..; max=lots");
    QTest::newRow("unknown param") << QByteArray("id ..; limit=3");
    QTest::newRow("garbage") << QByteArray("bytes=0-100");
}

void TestPageRange::rejects()
{
    QFETCH(QByteArray, header);
    const Result<PageRange> parsed = PageRange::parse(header, {QStringLiteral("id"), QStringLiteral("name")});
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, Error::Kind::InvalidInput);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestPageRange::nextRangeRoundTrips()
{
    const Result<PageRange> parsed =
        PageRange::parse("name ..; order=desc, max=3", {QStringLiteral("id"), QStringLiteral("name")});
    QVERIFY(parsed);
    const PageRange &r = *parsed;
    const QByteArray next = r.nextRange(QStringLiteral("m"));
    QCOMPARE(next, QByteArray("name ]m..; order=desc, max=3"));
    const Result<PageRange> reparsed = PageRange::parse(next, {QStringLiteral("id"), QStringLiteral("name")});
    QVERIFY(reparsed);
    const PageRange &again = *reparsed;
    QCOMPARE(again.start, QStringLiteral("m"));
    QVERIFY(again.startExclusive);
    QVERIFY(again.descending);
    QCOMPARE(again.max, 3);
    QCOMPARE(r.contentRange(QStringLiteral("z"), QStringLiteral("m")), QByteArray("name z..m; max=3"));
}

void TestPageRange::boundsAndNumericOrder()
{
    const Result<PageRange> parsed = PageRange::parse("version ]9..12", {QStringLiteral("version")});
    QVERIFY(parsed);
    const PageRange &r = *parsed;
    QVERIFY(!r.contains(QStringLiteral("9")));
    QVERIFY(r.contains(QStringLiteral("10"))); // numeric, not "10" < "9"
    QVERIFY(r.contains(QStringLiteral("12")));
    QVERIFY(!r.contains(QStringLiteral("13")));
    QVERIFY(PageRange::compareValues(QStringLiteral("b"), QStringLiteral("a")) > 0);
}

QTEST_GUILESS_MAIN(TestPageRange)
#include "tst_pagerange.moc"
