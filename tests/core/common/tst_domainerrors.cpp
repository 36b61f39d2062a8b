// SPDX-License-Identifier: MIT
#include "common/Result.h"
#include "credentials/NetrcError.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/ConfigAssignment.h"
#include "heroku/HerokuError.h"
#include "probe/ProbeError.h"

#include <QtTest>

// Each domain error keeps its own fields and converts to the common Error without changing the line a
// user already reads: the CLI prints every failure through Error::oneLine().
class TstDomainErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void herokuErrorKeepsItsLine_data();
    void herokuErrorKeepsItsLine();
    void probeErrorKeepsItsLine();
    void databaseUrlErrorNamesThePartNotThePassword();
    void netrcErrorSaysWhichFileAndWhoseMove();
    void configVarNameIsCheckedAsAStatus();
};

void TstDomainErrors::herokuErrorKeepsItsLine_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("expected");
    QTest::newRow("404") << int(HerokuError::Kind::Api) << 404 << int(Error::Kind::NotFound);
    QTest::newRow("401") << int(HerokuError::Kind::Api) << 401 << int(Error::Kind::Unauthorized);
    QTest::newRow("422") << int(HerokuError::Kind::Api) << 422 << int(Error::Kind::Conflict);
    QTest::newRow("500") << int(HerokuError::Kind::Api) << 500 << int(Error::Kind::Remote);
    QTest::newRow("rate limit") << int(HerokuError::Kind::RateLimited) << 429 << int(Error::Kind::Remote);
    QTest::newRow("network") << int(HerokuError::Kind::Network) << 0 << int(Error::Kind::Network);
    QTest::newRow("timeout") << int(HerokuError::Kind::Timeout) << 0 << int(Error::Kind::Timeout);
    QTest::newRow("cancelled") << int(HerokuError::Kind::Cancelled) << 0 << int(Error::Kind::Cancelled);
    QTest::newRow("configuration") << int(HerokuError::Kind::Configuration) << 0
                                   << int(Error::Kind::InvalidInput);
}

void TstDomainErrors::herokuErrorKeepsItsLine()
{
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(int, expected);
    HerokuError heroku;
    heroku.kind = HerokuError::Kind(kind);
    heroku.httpStatus = httpStatus;
    heroku.message = QStringLiteral("Couldn't find that app.\nPlease check the name.");
    heroku.id = QStringLiteral("not_found");
    heroku.requestId = QStringLiteral("0b2a7c4e-1f3d-4e5a-9c8b-7d6e5f4a3b2c");
    const Error error = heroku.toError();
    QCOMPARE(int(error.kind), expected);
    // The line the CLI printed before the common Error existed, folded onto one line.
    QCOMPARE(error.oneLine(),
             QStringLiteral("Couldn't find that app. Please check the name. (not_found, request "
                            "0b2a7c4e-1f3d-4e5a-9c8b-7d6e5f4a3b2c)"));
    QCOMPARE(heroku.oneLine(), error.oneLine());

    const HerokuError bare = HerokuError::configuration(QStringLiteral("HEROKU_HOST is not a URL"));
    QCOMPARE(bare.toError().oneLine(), QStringLiteral("HEROKU_HOST is not a URL"));
}

void TstDomainErrors::probeErrorKeepsItsLine()
{
    const ProbeError denied = ProbeError::fromMySqlCode(
        ProbeStage::Auth, 1045,
        QStringLiteral("Access denied for user 'u'@'10.0.0.1' (using password: YES)"));
    QVERIFY(denied.isError());
    const Error error = denied.toError();
    QCOMPARE(error.kind, Error::Kind::Unauthorized);
    QCOMPARE(error.oneLine(), denied.toString());
    QCOMPARE(error.detail, denied.detail);

    const ProbeError refused = ProbeError::make(ProbeStage::Tcp, ProbeError::Kind::ConnectionRefused,
                                                QStringLiteral("connection refused"));
    QCOMPARE(refused.toError().kind, Error::Kind::Network);
    QCOMPARE(refused.toError().oneLine(), refused.toString());
}

void TstDomainErrors::databaseUrlErrorNamesThePartNotThePassword()
{
    const DatabaseUrl::ParseResult parsed =
        DatabaseUrl::parse(QStringLiteral("mysql://u:s3cretpw@h:99999/d"));
    QVERIFY(!parsed.ok());
    const Error error = parsed.error.toError();
    QCOMPARE(error.kind, Error::Kind::InvalidInput);
    QVERIFY2(error.oneLine().startsWith(QStringLiteral("invalid database URL: port: ")),
             qPrintable(error.oneLine()));
    QVERIFY(!error.oneLine().contains(QStringLiteral("s3cretpw")));
}

void TstDomainErrors::netrcErrorSaysWhichFileAndWhoseMove()
{
    NetrcError syntax;
    syntax.kind = NetrcError::Kind::UnexpectedToken;
    syntax.line = 7;
    syntax.message = QStringLiteral("unexpected word; expected machine or default");
    const QString path = QStringLiteral("~/.netrc");
    QCOMPARE(syntax.toError(path).kind, Error::Kind::InvalidInput);
    QCOMPARE(syntax.toError(path).oneLine(), syntax.describe(path));

    NetrcError unsafe;
    unsafe.kind = NetrcError::Kind::UnsafePermissions;
    unsafe.message = QStringLiteral("others may write it; run chmod 600 ~/.netrc");
    QCOMPARE(unsafe.toError(path).kind, Error::Kind::Unauthorized);

    NetrcError unreadable;
    unreadable.kind = NetrcError::Kind::ReadFailed;
    unreadable.message = QStringLiteral("permission denied");
    QCOMPARE(unreadable.toError(path).kind, Error::Kind::Io);
}

void TstDomainErrors::configVarNameIsCheckedAsAStatus()
{
    QVERIFY(ConfigAssignment::checkVarName(QStringLiteral("DATABASE_URL")).ok());
    const Status empty = ConfigAssignment::checkVarName(QStringLiteral("  "));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().kind, Error::Kind::InvalidInput);
    const Status spaced = ConfigAssignment::checkVarName(QStringLiteral("MY VAR"));
    QVERIFY(!spaced.ok());
    QVERIFY(spaced.error().message.contains(QStringLiteral("\"MY VAR\"")));
}

QTEST_GUILESS_MAIN(TstDomainErrors)
#include "tst_domainerrors.moc"
