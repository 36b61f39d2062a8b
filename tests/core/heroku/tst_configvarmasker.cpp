// SPDX-License-Identifier: MIT
// ConfigVarMasker: which config var values cleardbctl and the console mask, and how much of them.
#include "credentials/SecretRedactor.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/ConfigVarMasker.h"

#include <QJsonObject>
#include <QTest>

class TestConfigVarMasker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masked_data();
    void masked();
    void jsonKeepsNullsAndMasksStrings();
};

void TestConfigVarMasker::masked_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    const QString whole = SecretRedactor::mask();
    const QString pw = DatabaseUrl::passwordMask();
    auto s = [](const char *text) { return QString::fromUtf8(text); };

    QTest::newRow("cleardb url")
        << s("CLEARDB_DATABASE_URL")
        << s("mysql://b5c1e2f3a4d5e6:9f8e7d6c@us-cdbr-east-06.cleardb.net/"
             "heroku_0123456789abcde?reconnect=true")
        << s("mysql://b5c1e2f3a4d5e6:") + pw +
               s("@us-cdbr-east-06.cleardb.net/heroku_0123456789abcde?reconnect=true");
    QTest::newRow("postgres url") << s("DATABASE_URL") << s("postgres://u1:secretpw@db.example.com:5432/d1")
                                  << s("postgres://u1:") + pw + s("@db.example.com:5432/d1");
    QTest::newRow("url without password")
        << s("REDIS_URL") << s("redis://cache.example.com:6379") << s("redis://cache.example.com:6379");
    QTest::newRow("_KEY") << s("STRIPE_API_KEY") << s("sk_live_123") << whole;
    QTest::newRow("_TOKEN") << s("GITHUB_TOKEN") << s("ghp_abc") << whole;
    QTest::newRow("SECRET inside") << s("SECRET_KEY_BASE") << s("abcdef") << whole;
    QTest::newRow("_SECRET lower case") << s("aws_secret") << s("xyz") << whole;
    QTest::newRow("PASSWORD inside") << s("SMTP_PASSWORD_1") << s("hunter2") << whole;
    QTest::newRow("plain value") << s("LANG") << s("en_US.UTF-8") << s("en_US.UTF-8");
    QTest::newRow("KEY not as suffix") << s("KEYBOARD_LAYOUT") << s("us") << s("us");
    QTest::newRow("empty secret stays empty") << s("API_KEY") << QString() << QString();
}

void TestConfigVarMasker::masked()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(ConfigVarMasker::masked(name, value), expected);
}

void TestConfigVarMasker::jsonKeepsNullsAndMasksStrings()
{
    const QJsonObject vars{{QStringLiteral("MY_TOKEN"), QStringLiteral("t0ps3cret")},
                           {QStringLiteral("GONE"), QJsonValue()},
                           {QStringLiteral("WEB_CONCURRENCY"), QStringLiteral("2")}};
    const QJsonObject masked = ConfigVarMasker::masked(vars);
    QCOMPARE(masked.value(QStringLiteral("MY_TOKEN")).toString(), SecretRedactor::mask());
    QVERIFY(masked.value(QStringLiteral("GONE")).isNull());
    QCOMPARE(masked.value(QStringLiteral("WEB_CONCURRENCY")).toString(), QStringLiteral("2"));
}

QTEST_GUILESS_MAIN(TestConfigVarMasker)
#include "tst_configvarmasker.moc"
