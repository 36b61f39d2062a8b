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
    void secretsNeverSurvive_data();
    void secretsNeverSurvive();
    void secretNames_data();
    void secretNames();
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

// Each value hides `secret`; the masked text must not contain it, and `kept` (the part a user reads to
// tell the values apart: host, user, database) must survive.
void TestConfigVarMasker::secretsNeverSurvive_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("kept");
    auto s = [](const char *text) { return QString::fromUtf8(text); };

    QTest::newRow("mongodb multi-host")
        << s("MONGODB_URI")
        << s("mongodb://mu:MongoPw771@m1.example.com:27017,m2.example.com:27017/app?replicaSet=rs0")
        << s("MongoPw771") << s("@m1.example.com:27017,m2.example.com:27017/app?replicaSet=rs0");
    QTest::newRow("mongodb+srv") << s("MONGO_URL") << s("mongodb+srv://mu:SrvPw9921@cluster0.example.net/app")
                                 << s("SrvPw9921") << s("cluster0.example.net/app");
    QTest::newRow("jdbc query password")
        << s("JDBC_DATABASE_URL")
        << s("jdbc:mysql://j.example.com:3306/app?user=ju&password=JdbcPw552&useSSL=true") << s("JdbcPw552")
        << s("jdbc:mysql://j.example.com:3306/app?user=ju&password=");
    QTest::newRow("jdbc postgres userinfo")
        << s("JDBC_URL") << s("jdbc:postgresql://pu:PgJdbc8812@p.example.com:5432/app") << s("PgJdbc8812")
        << s("@p.example.com:5432/app");
    QTest::newRow("jdbc address form")
        << s("DB_ADDRESS") << s("jdbc:mysql://address=(host=h1)(port=3306)(user=au)(password=ParenPw71)/app")
        << s("ParenPw71") << s("(host=h1)(port=3306)(user=au)");
    QTest::newRow("mysql query password")
        << s("DATABASE_URL") << s("mysql://qu@q.example.com/app?password=QueryPw334&reconnect=true")
        << s("QueryPw334") << s("mysql://qu@q.example.com/app?");
    QTest::newRow("query pwd, upper case")
        << s("DATABASE_URL") << s("mysql://qu@q.example.com/app?PWD=UpperPw12") << s("UpperPw12")
        << s("q.example.com/app");
    QTest::newRow("unencoded # in password")
        << s("CLEARDB_DATABASE_URL") << s("mysql://hu:HashPw#918@h.example.com/app") << s("HashPw#918")
        << s("@h.example.com/app");
    QTest::newRow("unencoded @ and / in password")
        << s("DATABASE_URL") << s("mysql://au:At@Pw/551@a.example.com/app") << s("Pw/551")
        << s("@a.example.com/app");
    QTest::newRow("space in password") << s("DATABASE_URL") << s("mysql://su:Space Pw 61@s.example.com/app")
                                       << s("Pw 61") << s("@s.example.com/app");
    QTest::newRow("percent-encoded password")
        << s("AMQP_URL") << s("amqps://ru:p%40ssEnc%23w@r.example.com/vhost") << s("ssEnc")
        << s("@r.example.com/vhost");
    QTest::newRow("redis empty user") << s("REDIS_URL") << s("redis://:RedisPw120@c.example.com:6379")
                                      << s("RedisPw120") << s("@c.example.com:6379");
    QTest::newRow("unparseable, URL-looking")
        << s("LEGACY_URL") << s("weird+scheme://wu:WeirdPw4410@@h.example.com/x") << s("WeirdPw4410")
        << s("h.example.com/x");
    QTest::newRow("URL inside prose")
        << s("NOTES") << s("primary is mysql://nu:ProsePw33@n.example.com/db, ok") << s("ProsePw33")
        << s("n.example.com/db");
    QTest::newRow("two URLs") << s("REDIS_SENTINELS")
                              << s("redis://:TwoPwA1@h1:26379,redis://:TwoPwB2@h2:26379") << s("TwoPwA1")
                              << s("@h2:26379");
    QTest::newRow("two URLs, second password")
        << s("REDIS_SENTINELS") << s("redis://:TwoPwA1@h1:26379,redis://:TwoPwB2@h2:26379") << s("TwoPwB2")
        << s("redis://");
    QTest::newRow("go dsn") << s("DSN") << s("gu:GoDsnPw1@tcp(g.example.com:3306)/app") << s("GoDsnPw1")
                            << s("@tcp(g.example.com:3306)/app");
    QTest::newRow("libpq conninfo") << s("PG_CONNINFO")
                                    << s("host=l.example.com user=lu password=LibPqPw1 dbname=app")
                                    << s("LibPqPw1") << s("host=l.example.com user=lu");
    QTest::newRow("libpq quoted") << s("PG_CONNINFO") << s("host=l password='Quoted Pw 2' dbname=app")
                                  << s("Quoted Pw 2") << s("dbname=app");
    QTest::newRow("odbc") << s("MSSQL_CONNECTION")
                          << s("Server=o.example.com;Database=app;User Id=ou;Pwd=OdbcPw77;") << s("OdbcPw77")
                          << s("Server=o.example.com;Database=app;");
    QTest::newRow("plain DB_PASS") << s("DB_PASS") << s("PlainPw6610") << s("PlainPw6610") << QString();
    QTest::newRow("API_KEY") << s("API_KEY") << s("ApiKey2231") << s("ApiKey2231") << QString();
    QTest::newRow("SECRET_KEY_BASE") << s("SECRET_KEY_BASE") << s("a1b2c3d4e5f6") << s("a1b2c3d4e5f6")
                                     << QString();
    QTest::newRow("_TOKEN") << s("SLACK_BOT_TOKEN") << s("xoxb-1234") << s("xoxb-1234") << QString();
    QTest::newRow("camelCase") << s("authToken") << s("camel-9981") << s("camel-9981") << QString();
    QTest::newRow("MYSQL_PWD") << s("MYSQL_PWD") << s("pwd-4242") << s("pwd-4242") << QString();
    QTest::newRow("run together") << s("DBPASSWORD") << s("run-7777") << s("run-7777") << QString();
    QTest::newRow("pem private key")
        << s("CLIENT_CERT_BUNDLE")
        << s("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n")
        << s("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC") << QString();
}

void TestConfigVarMasker::secretsNeverSurvive()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, secret);
    QFETCH(QString, kept);
    QVERIFY2(value.contains(secret), "the row's premise: the value holds the secret");
    const QString masked = ConfigVarMasker::masked(name, value);
    QVERIFY2(!masked.contains(secret), qPrintable(masked));
    QVERIFY2(masked.contains(SecretRedactor::mask()), qPrintable(masked));
    QVERIFY2(masked.contains(kept), qPrintable(masked));
}

void TestConfigVarMasker::secretNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("secret");
    for (const char *name : {"DB_PASS",
                             "DB_PASSWORD",
                             "PASSWORD",
                             "API_KEY",
                             "STRIPE_API_KEY",
                             "SECRET_KEY_BASE",
                             "GITHUB_TOKEN",
                             "authToken",
                             "dbPassword",
                             "MYSQL_PWD",
                             "DB_PW",
                             "DBPASSWORD",
                             "AWS_SECRET_ACCESS_KEY",
                             "GOOGLE_CREDENTIALS",
                             "sslpassword",
                             "password",
                             "pwd",
                             "RAILS_MASTER_KEY",
                             "HEROKU_API_KEY",
                             "x-api-key",
                             "db.password"})
        QTest::newRow(name) << QString::fromUtf8(name) << true;
    for (const char *name :
         {"KEYBOARD_LAYOUT", "PASSENGER_MAX_POOL_SIZE", "LANG", "WEB_CONCURRENCY", "CLEARDB_DATABASE_URL",
          "MYSQL_PASSWORD_FILE", "ssl-key", "SSL_KEY_PATH", "adminPasswordFile", "MONKEY_MODE", "user"})
        QTest::newRow(name) << QString::fromUtf8(name) << false;
}

void TestConfigVarMasker::secretNames()
{
    QFETCH(QString, name);
    QFETCH(bool, secret);
    QCOMPARE(ConfigVarMasker::isSecretName(name), secret);
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
