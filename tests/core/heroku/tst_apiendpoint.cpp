// SPDX-License-Identifier: MIT
// HEROKU_HOST handling: the token must never travel in clear text to a remote host.
#include "heroku/ApiEndpoint.h"
#include "heroku/HerokuError.h"

#include <QtTest>

class TestApiEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesSettings_data();
    void parsesSettings();
    void resolvesEncodedPaths();
    void oneLineErrorCarriesIdAndRequest();
};

void TestApiEndpoint::parsesSettings_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("errorFragment");

    QTest::newRow("default") << QString() << true << "https://api.heroku.com" << QString();
    QTest::newRow("blank") << "   " << true << "https://api.heroku.com" << QString();
    QTest::newRow("https") << "https://api.example.com" << true << "https://api.example.com" << QString();
    QTest::newRow("bare host means https")
        << "api.example.com" << true << "https://api.example.com" << QString();
    QTest::newRow("trailing slash") << "https://api.example.com/" << true << "https://api.example.com"
                                    << QString();
    QTest::newRow("loopback http") << "http://127.0.0.1:5000" << true << "http://127.0.0.1:5000" << QString();
    QTest::newRow("localhost http") << "http://localhost:5000" << true << "http://localhost:5000"
                                    << QString();
    QTest::newRow("ipv6 loopback http") << "http://[::1]:5000" << true << "http://[::1]:5000" << QString();
    QTest::newRow("other loopback") << "http://127.8.0.1:81" << true << "http://127.8.0.1:81" << QString();
    QTest::newRow("remote http refused") << "http://api.example.com" << false << QString() << "plain http";
    QTest::newRow("private http refused") << "http://10.0.0.5:5000" << false << QString() << "plain http";
    QTest::newRow("ftp refused") << "ftp://api.example.com" << false << QString() << "scheme \"ftp\"";
    QTest::newRow("credentials refused")
        << "https://user:pw@api.example.com" << false << QString() << "user or password";
    QTest::newRow("garbage") << "http://" << false << QString() << "not a valid URL";
}

void TestApiEndpoint::parsesSettings()
{
    QFETCH(QString, setting);
    QFETCH(bool, valid);
    QFETCH(QString, baseUrl);
    QFETCH(QString, errorFragment);

    const ApiEndpoint endpoint = ApiEndpoint::fromSetting(setting);
    QCOMPARE(endpoint.isValid(), valid);
    if (valid) {
        QCOMPARE(endpoint.baseUrl().toString(), baseUrl);
    } else {
        QCOMPARE(endpoint.error().kind, HerokuError::Kind::Configuration);
        QVERIFY2(endpoint.error().message.contains(errorFragment), qPrintable(endpoint.error().message));
        QVERIFY(!endpoint.error().message.contains(QLatin1String("pw@")));
    }
}

void TestApiEndpoint::resolvesEncodedPaths()
{
    const ApiEndpoint endpoint = ApiEndpoint::fromSetting(QStringLiteral("http://127.0.0.1:5000"));
    QCOMPARE(endpoint.resolve(QStringLiteral("/apps/a%2Fb/addons")).toString(QUrl::FullyEncoded),
             QStringLiteral("http://127.0.0.1:5000/apps/a%2Fb/addons"));
    QCOMPARE(endpoint.resolve(QStringLiteral("/apps?x=1")).toString(),
             QStringLiteral("http://127.0.0.1:5000/apps?x=1"));
    QCOMPARE(endpoint.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(endpoint.isLoopback());
    QVERIFY(!ApiEndpoint::fromSetting(QString()).isLoopback());
}

void TestApiEndpoint::oneLineErrorCarriesIdAndRequest()
{
    HerokuError error;
    error.kind = HerokuError::Kind::RateLimited;
    error.id = QStringLiteral("rate_limit");
    error.requestId = QStringLiteral("01234567-89ab");
    error.message = QStringLiteral("Your account reached the API rate limit\nPlease wait a few minutes");
    QCOMPARE(error.oneLine(),
             QStringLiteral("Your account reached the API rate limit Please wait a few minutes "
                            "(rate_limit, request 01234567-89ab)"));
    error.id.clear();
    error.requestId.clear();
    QCOMPARE(error.oneLine(),
             QStringLiteral("Your account reached the API rate limit Please wait a few minutes"));
}

QTEST_GUILESS_MAIN(TestApiEndpoint)
#include "tst_apiendpoint.moc"
