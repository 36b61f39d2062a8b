// SPDX-License-Identifier: MIT
#include "transfer/verify/SchemaSnapshot.h"
#include "transfer/verify/TableDigest.h"

#include <QtTest>

// SchemaSnapshot::compare names each object that differs and the aspect that does; TableDigest's
// query quotes every identifier, so names with backticks or spaces cannot break out of it.
class TestSchemaSnapshot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesMissingExtraAndChangedObjects()
    {
        SchemaSnapshot a;
        SchemaSnapshot b;
        a.addTable(QStringLiteral("t"), {QStringLiteral("id")});
        b.addTable(QStringLiteral("t"), {QStringLiteral("id")});
        a.setAspect(QStringLiteral("table `t`"), QStringLiteral("column `id`"),
                    QStringLiteral("int COMMENT 'x'"));
        b.setAspect(QStringLiteral("table `t`"), QStringLiteral("column `id`"),
                    QStringLiteral("int COMMENT 'y'"));
        a.setAspect(QStringLiteral("table `t`"), QStringLiteral("index `k`"), QString());
        a.setAspect(QStringLiteral("view `v`"), QStringLiteral("definition"), QStringLiteral("select 1"));
        b.setAspect(QStringLiteral("trigger `tr`"), QStringLiteral("statement"), QStringLiteral("set x = 1"));
        const QList<VerifyDifference> d = SchemaSnapshot::compare(a, b);
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.at(0).kind, VerifyDifference::Kind::Schema);
        QCOMPARE(d.at(0).object, QStringLiteral("table `t`"));
        QCOMPARE(d.at(0).detail, QStringLiteral("column `id`: source …'x', target …'y'; "
                                                "index `k` missing from the target"));
        QCOMPARE(d.at(1).kind, VerifyDifference::Kind::Extra);
        QCOMPARE(d.at(1).object, QStringLiteral("trigger `tr`"));
        QCOMPARE(d.at(2).kind, VerifyDifference::Kind::Missing);
        QCOMPARE(d.at(2).toString(), QStringLiteral("view `v`: missing from the target"));
        QVERIFY(SchemaSnapshot::compare(a, a).isEmpty());
    }

    void digestQueryQuotesIdentifiers()
    {
        const QString sql = TableDigest::query(QStringLiteral("d`b"), QStringLiteral("my table"),
                                               {QStringLiteral("a`b"), QStringLiteral("select")});
        QVERIFY2(sql.contains(QStringLiteral("FROM `d``b`.`my table`")), qPrintable(sql));
        QVERIFY(sql.contains(QStringLiteral("IF(`a``b` IS NULL, 'N', SHA2(CAST(`a``b` AS BINARY), 256))")));
        QVERIFY(sql.contains(QStringLiteral("CAST(`select` AS BINARY)")));
    }
};

QTEST_GUILESS_MAIN(TestSchemaSnapshot)
#include "tst_schemasnapshot.moc"
