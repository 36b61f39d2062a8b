// SPDX-License-Identifier: MIT
// Which listed authorization is this program's token: the whole token, or Heroku's redacted
// form with ten asterisks matched by prefix and suffix, never a form that keeps too little.
#include "heroku/OAuthTokenMatch.h"

#include <QtTest>

class TestOAuthTokenMatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matches_data();
    void matches();
};

void TestOAuthTokenMatch::matches_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("listed");
    QTest::addColumn<bool>("expected");
    const QString token = QStringLiteral("HRKU-0123456789abcdef");
    QTest::newRow("whole token") << token << token << true;
    QTest::newRow("other whole token") << token << QStringLiteral("HRKU-0123456789abcdeX") << false;
    QTest::newRow("redacted middle") << token << QStringLiteral("HRKU-012**********cdef") << true;
    QTest::newRow("redacted, other suffix") << token << QStringLiteral("HRKU-012**********cdeX") << false;
    QTest::newRow("redacted, other prefix") << token << QStringLiteral("HRKX-012**********cdef") << false;
    QTest::newRow("redacted tail") << token << QStringLiteral("HRKU-01**********") << true;
    QTest::newRow("asterisks only") << token << QStringLiteral("**********") << false;
    QTest::newRow("too little kept") << token << QStringLiteral("H**********f") << false;
    QTest::newRow("shorter than the kept parts")
        << QStringLiteral("HRKUcdef") << QStringLiteral("HRKU-**********-cdef") << false;
    QTest::newRow("nine asterisks are literal") << token << QStringLiteral("HRKU-012*********cdef") << false;
    QTest::newRow("empty listed") << token << QString() << false;
    QTest::newRow("empty current") << QString() << QStringLiteral("HRKU-012**********cdef") << false;
}

void TestOAuthTokenMatch::matches()
{
    QFETCH(QString, current);
    QFETCH(QString, listed);
    QFETCH(bool, expected);
    QCOMPARE(oauthTokenMatches(current, listed), expected);
}

QTEST_APPLESS_MAIN(TestOAuthTokenMatch)
#include "tst_oauthtokenmatch.moc"
