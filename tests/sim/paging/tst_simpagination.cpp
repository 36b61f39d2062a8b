// SPDX-License-Identifier: MIT
// heroku-sim pagination over 2,000 apps: Heroku's Range / 206 / Next-Range / Content-Range / 416.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

class TestSimPagination : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void walksEveryAppOnce_data();
    void walksEveryAppOnce();
    void defaultPageIs200();
    void sortsByNameDescending();
    void malformedRangeIs416_data();
    void malformedRangeIs416();

private:
    SimProcess m_sim;
};

void TestSimPagination::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("2000")}),
             qPrintable(m_sim.errorString()));
}

void TestSimPagination::walksEveryAppOnce_data()
{
    QTest::addColumn<QByteArray>("firstRange");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QString>("field");
    QTest::newRow("id, max=1000") << QByteArray("id ..; max=1000") << 1000 << "id";
    QTest::newRow("id, max=333") << QByteArray("id ..; max=333") << 333 << "id";
    QTest::newRow("name, max=500") << QByteArray("name ..; max=500") << 500 << "name";
    QTest::newRow("max above 1000 is clamped") << QByteArray("id ..; max=4000") << 1000 << "id";
}

void TestSimPagination::walksEveryAppOnce()
{
    QFETCH(QByteArray, firstRange);
    QFETCH(int, pageSize);
    QFETCH(QString, field);
    SimHttp http(m_sim);
    QSet<QString> ids;
    QString previous;
    QByteArray range = firstRange;
    int pages = 0;
    while (true) {
        const SimHttp::Reply r = http.get(QStringLiteral("/apps"), {{"Range", range}});
        const QJsonArray page = r.json().array();
        ++pages;
        QVERIFY2(pages <= 2000 / pageSize + 1, "pagination does not terminate");
        for (const QJsonValue &v : page) {
            const QString key = v.toObject().value(field).toString();
            QVERIFY2(previous < key, "page items are not sorted by the range field");
            previous = key;
            QVERIFY2(!ids.contains(v.toObject().value(QStringLiteral("id")).toString()), "app listed twice");
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        }
        QVERIFY(r.header("Content-Range").startsWith(QByteArray(field.toUtf8() + ' ')));
        if (r.status == 200) {
            QVERIFY(r.header("Next-Range").isEmpty());
            QVERIFY(page.size() <= pageSize);
            break;
        }
        QCOMPARE(r.status, 206);
        QCOMPARE(page.size(), pageSize);
        range = r.header("Next-Range");
        QVERIFY(range.startsWith(QByteArray(field.toUtf8() + " ]")));
        QVERIFY(range.endsWith(QByteArray("; max=" + QByteArray::number(pageSize))));
    }
    QCOMPARE(ids.size(), 2000);
    QCOMPARE(pages, (2000 + pageSize - 1) / pageSize);
}

void TestSimPagination::defaultPageIs200()
{
    SimHttp http(m_sim);
    const SimHttp::Reply r = http.get(QStringLiteral("/apps"));
    QCOMPARE(r.status, 206);
    QCOMPARE(r.json().array().size(), 200);
    QCOMPARE(r.header("Next-Range").right(9), QByteArray("; max=200"));
}

void TestSimPagination::sortsByNameDescending()
{
    SimHttp http(m_sim);
    const SimHttp::Reply r = http.get(QStringLiteral("/apps"), {{"Range", "name ..; order=desc, max=2"}});
    QCOMPARE(r.status, 206);
    const QJsonArray page = r.json().array();
    QCOMPARE(page.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("sandbox-app-2000"));
    QCOMPARE(page.at(1).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("sandbox-app-1999"));
    const SimHttp::Reply next = http.get(QStringLiteral("/apps"), {{"Range", r.header("Next-Range")}});
    QCOMPARE(next.json().array().at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("sandbox-app-1998"));
}

void TestSimPagination::malformedRangeIs416_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::newRow("bytes") << QByteArray("bytes=0-99");
    QTest::newRow("unsortable field") << QByteArray("region ..");
    QTest::newRow("zero max") << QByteArray("id ..; max=0");
}

void TestSimPagination::malformedRangeIs416()
{
    QFETCH(QByteArray, range);
    SimHttp http(m_sim);
    const SimHttp::Reply r = http.get(QStringLiteral("/apps"), {{"Range", range}});
    QCOMPARE(r.status, 416);
    QCOMPARE(r.json().object().value(QStringLiteral("id")).toString(),
             QStringLiteral("requested_range_not_satisfiable"));
}

QTEST_GUILESS_MAIN(TestSimPagination)
#include "tst_simpagination.moc"
