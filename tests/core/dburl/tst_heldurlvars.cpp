// SPDX-License-Identifier: MIT
// Which config vars still point at a database about to be removed: same host (any case) and
// database, whatever the query, port or credentials; the add-on's own vars and non-URLs never count.
#include "dburl/DatabaseUrl.h"
#include "dburl/HeldUrlVars.h"

#include <QtTest>

class TestHeldUrlVars : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsHoldersAndAlternatives();
};

void TestHeldUrlVars::findsHoldersAndAlternatives()
{
    const DatabaseUrl clearDb =
        DatabaseUrl::parse(
            QStringLiteral("mysql://b6f1c2:1a2b3c4d@us-cdbr-east-06.cleardb.net/heroku_abc?reconnect=true"))
            .url;
    const QJsonObject vars{
        {QStringLiteral("CLEARDB_DATABASE_URL"), clearDb.toString()},
        // Another spelling of the same database: query, case of the host and port differ.
        {QStringLiteral("DATABASE_URL"),
         QStringLiteral(
             "mysql2://b6f1c2:1a2b3c4d@US-CDBR-EAST-06.cleardb.net:3306/heroku_abc?ssl-mode=REQUIRED")},
        {QStringLiteral("JAWSDB_URL"), QStringLiteral("mysql://u:p@other.example.net/heroku_abc")},
        {QStringLiteral("REPORTS_DB_URL"),
         QStringLiteral("mysql://b6f1c2:x@us-cdbr-east-06.cleardb.net/heroku_def")},
        {QStringLiteral("HEROKU_POSTGRESQL_RED_URL"),
         QStringLiteral("postgres://u:p@ec2.example.com:5432/d1")},
        {QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")},
        {QStringLiteral("WEB_URL"), QStringLiteral("https://app.example.com/")},
    };
    const HeldUrlVars held = HeldUrlVars::find(vars, clearDb, {QStringLiteral("CLEARDB_DATABASE_URL")});
    QCOMPARE(held.holders, QStringList{QStringLiteral("DATABASE_URL")});
    QCOMPARE(held.alternatives,
             (QStringList{QStringLiteral("HEROKU_POSTGRESQL_RED_URL"), QStringLiteral("JAWSDB_URL"),
                          QStringLiteral("REPORTS_DB_URL")}));

    // Without the add-on's own var excluded, it holds the URL too.
    QVERIFY(HeldUrlVars::find(vars, clearDb, {}).holders.contains(QStringLiteral("CLEARDB_DATABASE_URL")));
    QVERIFY(HeldUrlVars::find({}, clearDb, {}).holders.isEmpty());
}

QTEST_GUILESS_MAIN(TestHeldUrlVars)
#include "tst_heldurlvars.moc"
