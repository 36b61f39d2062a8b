// SPDX-License-Identifier: MIT
// DatabaseUrlDescription: what `cleardbctl url parse` prints, masked unless revealing.
#include "dburl/DatabaseUrlDescription.h"

#include <QJsonArray>
#include <QtTest>

class TestDatabaseUrlDescription : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonMasksPasswordUnlessRevealed();
    void textListsOptionsWithMeaning();
    void errorJsonNamesPart();
};

void TestDatabaseUrlDescription::jsonMasksPasswordUnlessRevealed()
{
    const auto parsed = DatabaseUrl::parse(QStringLiteral("mysql://u:s3cret%40x@h/db?sslca=/ca.pem&x=1"));
    QVERIFY(parsed.ok());
    const QJsonObject hidden = DatabaseUrlDescription::toJson(parsed.url, false);
    QCOMPARE(hidden.value(QStringLiteral("password")).toString(), DatabaseUrl::passwordMask());
    QCOMPARE(hidden.value(QStringLiteral("url")).toString(), parsed.url.redacted());
    QCOMPARE(hidden.value(QStringLiteral("port")).toInt(), 3306);
    const QJsonArray options = hidden.value(QStringLiteral("options")).toArray();
    QCOMPARE(options.size(), 2);
    QCOMPARE(options.at(0).toObject().value(QStringLiteral("meaning")).toString(), QStringLiteral("ssl-ca"));
    QVERIFY(options.at(1).toObject().value(QStringLiteral("meaning")).isNull());
    QVERIFY(!QJsonDocument(hidden).toJson().contains("s3cret"));

    const QJsonObject shown = DatabaseUrlDescription::toJson(parsed.url, true);
    QCOMPARE(shown.value(QStringLiteral("password")).toString(), QStringLiteral("s3cret@x"));
    QCOMPARE(shown.value(QStringLiteral("url")).toString(), parsed.url.toString());

    const auto noPassword = DatabaseUrl::parse(QStringLiteral("mysql://u@h/db"));
    QVERIFY(!DatabaseUrlDescription::toJson(noPassword.url, false).contains(QStringLiteral("password")));
}

void TestDatabaseUrlDescription::textListsOptionsWithMeaning()
{
    const auto parsed =
        DatabaseUrl::parse(QStringLiteral("mysql://u:s3cret@h:3307/db?SSL_CA=/ca.pem&reconnect=true"));
    QVERIFY(parsed.ok());
    const QString text = DatabaseUrlDescription::toText(parsed.url, false);
    QVERIFY(!text.contains(QStringLiteral("s3cret")));
    QVERIFY(text.contains(QStringLiteral("option:   SSL_CA=/ca.pem  (ssl-ca)\n")));
    QVERIFY(text.contains(QStringLiteral("option:   reconnect=true\n")));
    QVERIFY(text.contains(QStringLiteral("port:     3307\n")));
    QVERIFY(DatabaseUrlDescription::toText(parsed.url, true).contains(QStringLiteral("password: s3cret\n")));
}

void TestDatabaseUrlDescription::errorJsonNamesPart()
{
    const auto parsed = DatabaseUrl::parse(QStringLiteral("mysql://u:s3cret@h:99999/db"));
    QVERIFY(!parsed.ok());
    const QJsonObject json = DatabaseUrlDescription::errorToJson(parsed.error);
    QCOMPARE(json.value(QStringLiteral("part")).toString(), QStringLiteral("port"));
    QVERIFY(json.value(QStringLiteral("message")).toString().startsWith(QStringLiteral("port: ")));
    QVERIFY(!json.value(QStringLiteral("message")).toString().contains(QStringLiteral("s3cret")));
}

QTEST_GUILESS_MAIN(TestDatabaseUrlDescription)
#include "tst_databaseurldescription.moc"
