// SPDX-License-Identifier: MIT
#include "dburl/DatabaseUrl.h"
#include "probe/UrlProbeTarget.h"

#include <QtTest>

// CLEARDB_DATABASE_URL → ProbeTarget: every part lands where the probe reads it, the CA comes from any
// spelling of ssl-ca, and a malformed URL is refused with DatabaseUrl's message, never the password.
class TestUrlProbeTarget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clearDbUrlFillsEveryPart()
    {
        const Result<ProbeTarget> parsed = UrlProbeTarget::fromText(
            QStringLiteral(
                "mysql://b5a0d1c2e3f4a5:9f8e7d6c@us-cdbr-east-06.cleardb.net/heroku_0123456789abcde"
                "?reconnect=true"),
            QStringLiteral("routed"));
        QVERIFY(parsed.ok());
        const ProbeTarget &t = parsed.value();
        QCOMPARE(t.label, QStringLiteral("routed"));
        QCOMPARE(t.host, QStringLiteral("us-cdbr-east-06.cleardb.net"));
        QCOMPARE(t.port, quint16(3306));
        QCOMPARE(t.user, QStringLiteral("b5a0d1c2e3f4a5"));
        QCOMPARE(t.password, QStringLiteral("9f8e7d6c"));
        QCOMPARE(t.database, QStringLiteral("heroku_0123456789abcde"));
        QVERIFY(t.caFile.isEmpty());
        QVERIFY(t.validate().ok());
    }

    void caFromEverySpelling_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("ssl-ca") << QStringLiteral("ssl-ca=/tmp/ca%20dir/ca.pem");
        QTest::newRow("ssl_ca") << QStringLiteral("ssl_ca=/tmp/ca%20dir/ca.pem");
        QTest::newRow("sslca") << QStringLiteral("reconnect=true&sslca=/tmp/ca%20dir/ca.pem");
        QTest::newRow("SSL_CA") << QStringLiteral("SSL_CA=/tmp/ca%20dir/ca.pem");
        QTest::newRow("last wins") << QStringLiteral("ssl-ca=/old.pem&sslca=/tmp/ca%20dir/ca.pem");
    }
    void caFromEverySpelling()
    {
        QFETCH(QString, query);
        const Result<ProbeTarget> parsed =
            UrlProbeTarget::fromText(QStringLiteral("mysql://u:p@127.0.0.1:33070/db?") + query);
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().oneLine()));
        const ProbeTarget &t = parsed.value();
        QCOMPARE(t.port, quint16(33070));
        QCOMPARE(t.caFile, QStringLiteral("/tmp/ca dir/ca.pem"));
    }

    void ipv6HostAndEncodedPassword()
    {
        const Result<ProbeTarget> parsed =
            UrlProbeTarget::fromText(QStringLiteral("mysql2://u:p%40ss%3Aword@[::1]:3307/d"));
        QVERIFY(parsed.ok());
        const ProbeTarget &t = parsed.value();
        QCOMPARE(t.host, QStringLiteral("::1"));
        QCOMPARE(t.port, quint16(3307));
        QCOMPARE(t.password, QStringLiteral("p@ss:word"));
    }

    void malformedUrlNamesThePartNotThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("part");
        QTest::newRow("scheme") << QStringLiteral("postgres://u:s3cretpw@h/d") << QStringLiteral("scheme");
        QTest::newRow("port") << QStringLiteral("mysql://u:s3cretpw@h:99999/d") << QStringLiteral("port");
        QTest::newRow("no host") << QStringLiteral("mysql://u:s3cretpw@/d") << QStringLiteral("host");
    }
    void malformedUrlNamesThePartNotThePassword()
    {
        QFETCH(QString, url);
        QFETCH(QString, part);
        const Result<ProbeTarget> parsed = UrlProbeTarget::fromText(url);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, Error::Kind::InvalidInput);
        const QString error = parsed.error().oneLine();
        QVERIFY(error.startsWith(QStringLiteral("invalid database URL: ")));
        QVERIFY2(!error.contains(QStringLiteral("s3cretpw")), qPrintable(error));
        if (!part.isEmpty())
            QVERIFY2(error.contains(part), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestUrlProbeTarget)
#include "tst_urlprobetarget.moc"
