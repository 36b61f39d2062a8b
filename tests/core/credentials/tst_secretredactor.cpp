// SPDX-License-Identifier: MIT
#include "credentials/SecretRedactor.h"

#include "MessageCapture.h"

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

QTEST_GUILESS_MAIN(TstSecretRedactor)
#include "tst_secretredactor.moc"
