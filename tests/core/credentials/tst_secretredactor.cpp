// SPDX-License-Identifier: MIT
#include "credentials/SecretRedactor.h"

#include "MessageCapture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

// Secrets in free text: registered tokens, auth headers, URL passwords, key/value pairs.
class TstSecretRedactor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redacts_data();
    void redacts();
    void registeredSecretsNeverSurvive_data();
    void registeredSecretsNeverSurvive();
    void unregisterIsCounted();
    void secretPrintsAsMask();
    void jsonIsRedactedByMemberName();
    void messageFilterRedactsQtLogging();
};

void TstSecretRedactor::redacts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString m = SecretRedactor::mask();

    QTest::newRow("bearer header") << QStringLiteral("> Authorization: Bearer 2f1d0c9a-aaaa-bbbb")
                                   << QStringLiteral("> Authorization: Bearer ") + m;
    QTest::newRow("basic header") << QStringLiteral("authorization: Basic dXNlcjpwYXNz, next")
                                  << QStringLiteral("authorization: Basic ") + m + QStringLiteral(" next");
    QTest::newRow("proxy header, no scheme")
        << QStringLiteral("Proxy-Authorization: abcdef") << QStringLiteral("Proxy-Authorization: ") + m;
    QTest::newRow("stray bearer") << QStringLiteral("sending bearer HRKU-abcdef123 now")
                                  << QStringLiteral("sending bearer ") + m + QStringLiteral(" now");
    QTest::newRow("mysql url")
        << QStringLiteral("connect mysql://b1c2d3e4f5a6b7:9f8e7d6c@us-cdbr-east.cleardb.com/heroku_x")
        << QStringLiteral("connect mysql://b1c2d3e4f5a6b7:") + m +
               QStringLiteral("@us-cdbr-east.cleardb.com/heroku_x");
    QTest::newRow("userinfo without scheme")
        << QStringLiteral("root:hunter22@127.0.0.1 refused")
        << QStringLiteral("root:") + m + QStringLiteral("@127.0.0.1 refused");
    QTest::newRow("userinfo password with a colon")
        << QStringLiteral("mysql://u:pa:ss@h/db")
        << QStringLiteral("mysql://u:") + m + QStringLiteral("@h/db");
    QTest::newRow("query password") << QStringLiteral("?user=u&password=p4ss&ssl=1")
                                    << QStringLiteral("?user=u&password=") + m + QStringLiteral("&ssl=1");
    QTest::newRow("json token") << QStringLiteral(R"({"token": "abc def", "id": 1})")
                                << QStringLiteral(R"({"token": ")") + m + QStringLiteral(R"(", "id": 1})");
    QTest::newRow("env dump") << QStringLiteral("HEROKU_API_KEY=0123456789")
                              << QStringLiteral("HEROKU_API_KEY=") + m;
    QTest::newRow("netrc line") << QStringLiteral("machine api.heroku.com login a@b.c password tok123")
                                << QStringLiteral("machine api.heroku.com login a@b.c password ") + m;
    QTest::newRow("netrc quoted password")
        << QStringLiteral("  password \"pass word\"") << QStringLiteral("  password ") + m;
    QTest::newRow("mysql diagnosis kept")
        << QStringLiteral("Access denied for user 'u'@'h' (using password: YES)")
        << QStringLiteral("Access denied for user 'u'@'h' (using password: YES)");
    QTest::newRow("plain prose kept") << QStringLiteral("Password authentication failed for the account")
                                      << QStringLiteral("Password authentication failed for the account");
    QTest::newRow("e-mail kept") << QStringLiteral("logged in as dev@example.com")
                                 << QStringLiteral("logged in as dev@example.com");
    QTest::newRow("multi-host mongodb")
        << QStringLiteral("dial mongodb://mu:MongoPw771@m1:27017,m2:27017/app failed")
        << QStringLiteral("dial mongodb://mu:") + m + QStringLiteral("@m1:27017,m2:27017/app failed");
    QTest::newRow("# in password") << QStringLiteral("url mysql://hu:Hash#Pw9@h/app")
                                   << QStringLiteral("url mysql://hu:") + m + QStringLiteral("@h/app");
    QTest::newRow("@ in password") << QStringLiteral("mysql://au:a@b/c@h/app")
                                   << QStringLiteral("mysql://au:") + m + QStringLiteral("@h/app");
    QTest::newRow("jdbc option") << QStringLiteral("jdbc:mysql://h/db?user=u&password=JdbcPw5")
                                 << QStringLiteral("jdbc:mysql://h/db?user=u&password=") + m;
    QTest::newRow("env dump, DB_PASS") << QStringLiteral("DB_PASS=PlainPw66 LANG=C")
                                       << QStringLiteral("DB_PASS=") + m + QStringLiteral(" LANG=C");
    QTest::newRow("secret key base") << QStringLiteral("SECRET_KEY_BASE: abc123")
                                     << QStringLiteral("SECRET_KEY_BASE: ") + m;
    QTest::newRow("compact json") << QStringLiteral("{\"db_password\":\"x1y2\",\"url\":\"mysql://u:p9@h/d\"}")
                                  << QStringLiteral("{\"db_password\":\"") + m +
                                         QStringLiteral("\",\"url\":\"mysql://u:") + m +
                                         QStringLiteral("@h/d\"}");
    QTest::newRow("snippet env lookup kept") << QStringLiteral("'PASSWORD': os.environ['DB_PASSWORD'],")
                                             << QStringLiteral("'PASSWORD': os.environ['DB_PASSWORD'],");
    QTest::newRow("erb env lookup kept") << QStringLiteral("password: <%= ENV[\"DB_PASSWORD\"] %>")
                                         << QStringLiteral("password: <%= ENV[\"DB_PASSWORD\"] %>");
    QTest::newRow("stdin reference kept") << QStringLiteral("cleardbctl set SMTP_PASSWORD=- DB_PASS=env:PW")
                                          << QStringLiteral("cleardbctl set SMTP_PASSWORD=- DB_PASS=env:PW");
    QTest::newRow("option name kept") << QStringLiteral("--password-stdin: Password is empty")
                                      << QStringLiteral("--password-stdin: Password is empty");
    QTest::newRow("passenger kept") << QStringLiteral("PASSENGER_MAX_POOL_SIZE=5")
                                    << QStringLiteral("PASSENGER_MAX_POOL_SIZE=5");
}

void TstSecretRedactor::redacts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SecretRedactor::redact(input), expected);
}

void TstSecretRedactor::registeredSecretsNeverSurvive_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("text");
    QTest::newRow("token in prose") << QStringLiteral("01234567-89ab-cdef")
                                    << QStringLiteral("token 01234567-89ab-cdef failed");
    QTest::newRow("token glued to words")
        << QStringLiteral("HRKU-xyz789") << QStringLiteral("xHRKU-xyz789HRKU-xyz789y");
    QTest::newRow("percent-encoded") << QStringLiteral("p@ss/w rd")
                                     << QStringLiteral("url p%40ss%2Fw%20rd here");
    QTest::newRow("containing another secret")
        << QStringLiteral("abcd-efgh-long") << QStringLiteral("abcd-efgh-long");
}

void TstSecretRedactor::registeredSecretsNeverSurvive()
{
    QFETCH(QString, secret);
    QFETCH(QString, text);
    SecretRedactor::registerSecret(QStringLiteral("abcd"));
    SecretRedactor::registerSecret(secret);
    const QString redacted = SecretRedactor::redact(text);
    QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
    QVERIFY(!redacted.contains(QString::fromLatin1(QUrl::toPercentEncoding(secret))));
    QVERIFY(redacted.contains(SecretRedactor::mask()));
    SecretRedactor::unregisterSecret(secret);
    SecretRedactor::unregisterSecret(QStringLiteral("abcd"));
}

void TstSecretRedactor::unregisterIsCounted()
{
    const QString token = QStringLiteral("token-shared-by-two");
    SecretRedactor::registerSecret(token);
    SecretRedactor::registerSecret(Secret(token));
    SecretRedactor::unregisterSecret(token);
    QVERIFY(!SecretRedactor::redact(token).contains(token)); // one owner still holds it
    SecretRedactor::unregisterSecret(Secret(token));
    QCOMPARE(SecretRedactor::redact(token), token);
    // Too short to mask without shredding ordinary words.
    SecretRedactor::registerSecret(QStringLiteral("ab"));
    QCOMPARE(SecretRedactor::redact(QStringLiteral("about")), QStringLiteral("about"));
}

void TstSecretRedactor::secretPrintsAsMask()
{
    QString out;
    QDebug(&out) << Secret(QStringLiteral("visible-if-broken"));
    QCOMPARE(out, QStringLiteral("Secret(") + SecretRedactor::mask() + QStringLiteral(") "));
    out.clear();
    QDebug(&out) << Secret();
    QCOMPARE(out, QStringLiteral("Secret(empty) "));
}

void TstSecretRedactor::messageFilterRedactsQtLogging()
{
    const QString token = QStringLiteral("d1e2a3d4-b5e6-e7f8-logged");
    MessageCapture capture;
    SecretRedactor::installMessageFilter();
    SecretRedactor::installMessageFilter(); // idempotent: no double chain
    SecretRedactor::registerSecret(token);
    qWarning() << "request failed with" << token;
    qCritical("Authorization: Bearer %s", qPrintable(QStringLiteral("unregistered-bearer")));
    qInfo().noquote() << QStringLiteral("mysql://u:dbpass99@localhost/db");
    capture.stop();
    SecretRedactor::unregisterSecret(token);

    QCOMPARE(capture.lines().size(), 3);
    const QString all = capture.lines().join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(token), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("unregistered-bearer")));
    QVERIFY(!all.contains(QStringLiteral("dbpass99")));
    QCOMPARE(all.count(SecretRedactor::mask()), 3);
}

void TstSecretRedactor::jsonIsRedactedByMemberName()
{
    const QString m = SecretRedactor::mask();
    const QJsonObject input{
        {QStringLiteral("DB_PASS"), QStringLiteral("PlainPw66")},
        {QStringLiteral("pin_token"), 1234},
        {QStringLiteral("nested"),
         QJsonObject{{QStringLiteral("url"), QStringLiteral("mongodb://u:MongoPw7@h1,h2/db")},
                     {QStringLiteral("list"), QJsonArray{QStringLiteral("mysql://u@h/d?pwd=QueryPw8")}}}},
        // {key, value} pairs: the value is named by "key", and "key" itself is only a label.
        {QStringLiteral("options"),
         QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("password")},
                                {QStringLiteral("value"), QStringLiteral("OptPw9")}},
                    QJsonObject{{QStringLiteral("key"), QStringLiteral("reconnect")},
                                {QStringLiteral("value"), QStringLiteral("true")}}}},
        {QStringLiteral("adminPasswordFile"), QStringLiteral("/run/sandbox/admin.pw")},
        {QStringLiteral("state"), QStringLiteral("running")}};
    const QJsonObject out = SecretRedactor::redactJson(input).toObject();
    QCOMPARE(out.value(QStringLiteral("DB_PASS")).toString(), m);
    QCOMPARE(out.value(QStringLiteral("pin_token")).toString(), m);
    const QJsonObject nested = out.value(QStringLiteral("nested")).toObject();
    QCOMPARE(nested.value(QStringLiteral("url")).toString(),
             QStringLiteral("mongodb://u:") + m + QStringLiteral("@h1,h2/db"));
    QCOMPARE(nested.value(QStringLiteral("list")).toArray().first().toString(),
             QStringLiteral("mysql://u@h/d?pwd=") + m);
    const QJsonArray options = out.value(QStringLiteral("options")).toArray();
    QCOMPARE(options.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("password"));
    QCOMPARE(options.at(0).toObject().value(QStringLiteral("value")).toString(), m);
    QCOMPARE(options.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("true"));
    QCOMPARE(out.value(QStringLiteral("adminPasswordFile")).toString(),
             QStringLiteral("/run/sandbox/admin.pw"));
    QCOMPARE(out.value(QStringLiteral("state")).toString(), QStringLiteral("running"));

    // --reveal keeps values but still hides what is registered (the Heroku token).
    SecretRedactor::registerSecret(QStringLiteral("HRKU-json-token-1"));
    const QJsonObject revealed =
        SecretRedactor::redactJson(QJsonObject{{QStringLiteral("DB_PASS"), QStringLiteral("PlainPw66")},
                                               {QStringLiteral("note"), QStringLiteral("HRKU-json-token-1")}},
                                   SecretRedactor::Scope::RegisteredOnly)
            .toObject();
    SecretRedactor::unregisterSecret(QStringLiteral("HRKU-json-token-1"));
    QCOMPARE(revealed.value(QStringLiteral("DB_PASS")).toString(), QStringLiteral("PlainPw66"));
    QCOMPARE(revealed.value(QStringLiteral("note")).toString(), m);
}

QTEST_GUILESS_MAIN(TstSecretRedactor)
#include "tst_secretredactor.moc"
