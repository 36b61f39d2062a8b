// SPDX-License-Identifier: MIT
// FleetExport: RFC 4180 quoting, the spreadsheet formula guard, and no URL in either format.
#include "FleetTestRows.h"
#include "fleet/FleetExport.h"
#include "heroku/HerokuResources.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace {
const QString Password = QStringLiteral("s3cretPassw0rd");

FleetRow row(const QString &app, const QString &plan, int cents)
{
    FleetRow r = FleetTestRows::row(app, plan, Password);
    r.priceCents = cents;
    return r;
}
} // namespace

class TestFleetExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("my-app") << QStringLiteral("my-app");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("cr") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("formula =") << QStringLiteral("=HYPERLINK(\"x\")")
                                   << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("formula -") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("formula with comma") << QStringLiteral("=1,2") << QStringLiteral("\"'=1,2\"");
        QTest::newRow("inner = is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }
    void csvField()
    {
        QFETCH(QString, value);
        QFETCH(QString, field);
        QCOMPARE(FleetExport::csvField(value), field);
    }

    void csvHasAHeaderCrlfAndNoUrl()
    {
        FleetRow a = row(QStringLiteral("shop"), QStringLiteral("cleardb:punch"), 999);
        a.probe = FleetRow::ProbeState::Read;
        a.usedBytes = 4509715;
        a.storagePercent = 86;
        a.connectionsInUse = 3;
        a.connectionLimit = 10;
        a.worstLevel = UsageFinding::Level::Warning;
        a.worstLine = QStringLiteral("Storage: 86 %, look at \"orders\", then upgrade");
        FleetRow b = row(QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("cleardb:ignite"), 0);
        b.probe = FleetRow::ProbeState::Unreachable;
        b.stateLine = QStringLiteral("connect: refused");
        const QByteArray csv = FleetExport::csv({a, b});
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, and the empty rest after the last CRLF
        QVERIFY(lines.at(0).startsWith("app,addon,plan,price_cents,"));
        for (int i = 0; i < 3; ++i)
            QVERIFY2(lines.at(i).endsWith('\r'), lines.at(i).constData());
        QVERIFY2(
            lines.at(1).startsWith("shop,cleardb-shop,cleardb:punch,999,CLEARDB_DATABASE_URL,unknown,read,"
                                   "4509715,1073741824,86,3,10,warning,"
                                   "\"Storage: 86 %, look at \"\"orders\"\", then upgrade\""),
            lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith("'=cmd|' /C calc'!A0,cleardb-=cmd|' /C calc'!A0,cleardb:ignite,0,"),
                 lines.at(2).constData());
        QVERIFY2(lines.at(2).contains(",unreachable,,5242880,,,,,connect: refused"), lines.at(2).constData());
        QVERIFY(!csv.contains(Password.toUtf8()));
        QVERIFY(!csv.contains("mysql://"));
    }

    void jsonHasTheRowsTheTotalAndNoUrl()
    {
        FleetRow a = row(QStringLiteral("shop"), QStringLiteral("cleardb:punch"), 999);
        FleetRow b = row(QStringLiteral("blog"), QStringLiteral("cleardb:drift"), 4999);
        FleetRow c = row(QStringLiteral("odd"), QStringLiteral("cleardb:gold"), -1); // price unknown
        const QJsonObject json = FleetExport::json({a, b, c}, 4321);
        QCOMPARE(json.value(QStringLiteral("total_monthly_cents")).toInt(), 999 + 4999);
        QCOMPARE(json.value(QStringLiteral("rate_limit_remaining")).toInt(), 4321);
        const QJsonArray addons = json.value(QStringLiteral("addons")).toArray();
        QCOMPARE(addons.size(), 3);
        QCOMPARE(addons.at(0).toObject().value(QStringLiteral("app")).toString(), QStringLiteral("shop"));
        QCOMPARE(addons.at(0).toObject().value(QStringLiteral("price_cents")).toInt(), 999);
        QVERIFY(addons.at(2).toObject().value(QStringLiteral("price_cents")).isNull());
        QVERIFY(FleetExport::json({}, -1).value(QStringLiteral("rate_limit_remaining")).isNull());
        const QByteArray text = QJsonDocument(json).toJson();
        QVERIFY(!text.contains(Password.toUtf8()));
        QVERIFY(!text.contains("mysql://"));
    }

    void priceComesFromTheApiFirstThenTheCatalog()
    {
        HerokuAddon addon;
        addon.planName = QStringLiteral("cleardb:punch");
        addon.serviceName = QStringLiteral("cleardb");
        QCOMPARE(FleetRow::fromAddon(addon, {}).priceCents, 999);
        const QJsonObject billed{
            {QStringLiteral("billed_price"), QJsonObject{{QStringLiteral("cents"), 1234}}}};
        QCOMPARE(FleetRow::fromAddon(addon, billed).priceCents, 1234);
        QCOMPARE(FleetRow::fromAddon(addon, billed).priceText(), QStringLiteral("$12.34"));
        addon.planName = QStringLiteral("cleardb:unknown");
        QCOMPARE(FleetRow::fromAddon(addon, {}).priceCents, -1);
        QCOMPARE(FleetRow::fromAddon(addon, {}).priceText(), QString());
    }

    void databaseUrlStates()
    {
        FleetRow r = row(QStringLiteral("shop"), QStringLiteral("cleardb:punch"), 999);
        const QString own = r.url.reveal();
        r.setConfig({{QStringLiteral("CLEARDB_DATABASE_URL"), own}, {QStringLiteral("DATABASE_URL"), own}});
        QCOMPARE(r.databaseUrl, FleetRow::UrlState::Promoted);
        QCOMPARE(r.url.reveal(), own);
        r.setConfig({{QStringLiteral("CLEARDB_DATABASE_URL"), own},
                     {QStringLiteral("DATABASE_URL"), QStringLiteral("postgres://x")}});
        QCOMPARE(r.databaseUrl, FleetRow::UrlState::Elsewhere);
        r.setConfig({{QStringLiteral("CLEARDB_DATABASE_URL"), own}});
        QCOMPARE(r.databaseUrl, FleetRow::UrlState::Unset);
        // No URL of its own: DATABASE_URL cannot be "this one".
        r.setConfig({{QStringLiteral("DATABASE_URL"), QString()}});
        QCOMPARE(r.databaseUrl, FleetRow::UrlState::Unset);
        QVERIFY(r.url.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFleetExport)
#include "tst_fleetexport.moc"
