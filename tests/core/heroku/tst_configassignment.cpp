// SPDX-License-Identifier: MIT
// ConfigAssignment against heroku-sim: promote and assign send exactly one PATCH with the one var,
// show old → new masked, send nothing when the value is unchanged, and refuse (sending nothing) a
// var that belongs to another add-on's attachment.
#include "SimProcess.h"
#include "SimRequestLog.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/ConfigAssignment.h"
#include "heroku/HerokuClient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace {
const QString ClearDbApp = SimProcess::appName(0);  // seeded with cleardb:ignite
const QString PostgresApp = SimProcess::appName(1); // Heroku Postgres owns DATABASE_URL
const QString EmptyApp = SimProcess::appName(2);    // no add-ons
} // namespace

class TestConfigAssignment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void promoteSendsOnePatchWithMaskedDiff();
    void unchangedSendsNothing();
    void refusesAttachmentOwnedVar();
    void assignWritesTheExactUrlAndRestarts();
    void missingSourceAndBadNames();

private:
    ConfigAssignmentPlan prepare(const std::function<void(ConfigAssignment &)> &start);
    ConfigAssignmentOutcome apply(const ConfigAssignmentPlan &plan, bool restart);
    QJsonObject config(const QString &app);

    SimProcess m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<HerokuClient> m_client;
};

void TestConfigAssignment::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    m_client = std::make_unique<HerokuClient>(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()));
    m_client->setToken(m_sim.token());
}

ConfigAssignmentPlan TestConfigAssignment::prepare(const std::function<void(ConfigAssignment &)> &start)
{
    ConfigAssignment assignment(m_client.get());
    QSignalSpy spy(&assignment, &ConfigAssignment::prepared);
    start(assignment);
    if (!spy.wait(10000))
        return {};
    return spy.first().first().value<ConfigAssignmentPlan>();
}

ConfigAssignmentOutcome TestConfigAssignment::apply(const ConfigAssignmentPlan &plan, bool restart)
{
    ConfigAssignment assignment(m_client.get());
    QSignalSpy spy(&assignment, &ConfigAssignment::applied);
    assignment.apply(plan, restart);
    if (!spy.wait(10000))
        return {};
    return spy.first().first().value<ConfigAssignmentOutcome>();
}

QJsonObject TestConfigAssignment::config(const QString &app)
{
    QSignalSpy spy(m_client->configVars(app), &HerokuRequest::finished);
    if (!spy.wait(10000))
        return {};
    return spy.first().first().value<HerokuResult>().object();
}

void TestConfigAssignment::promoteSendsOnePatchWithMaskedDiff()
{
    const QString url = config(ClearDbApp).value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
    const DatabaseUrl::ParseResult parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed.ok() && parsed.url.hasPassword(), "the seeded app has a ClearDB URL with a password");
    const QString password = parsed.url.password();

    SimRequestLog log(m_sim);
    const ConfigAssignmentPlan plan = prepare([](ConfigAssignment &a) {
        a.preparePromote(ClearDbApp, QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("DATABASE_URL"));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::Ready);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    QCOMPARE(plan.maskedDiff(), QStringLiteral("DATABASE_URL: (unset) → %1").arg(parsed.url.redacted()));
    QVERIFY(!plan.maskedDiff().contains(password));

    const ConfigAssignmentOutcome outcome = apply(plan, false);
    QVERIFY2(outcome.ok(), qPrintable(outcome.patch.error.oneLine()));
    QCOMPARE(log.count(QStringLiteral("PATCH"), QStringLiteral("/apps/%1/config-vars").arg(ClearDbApp)), 1);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    QVERIFY2(config(ClearDbApp).value(QStringLiteral("DATABASE_URL")).toString() == url,
             "DATABASE_URL is the ClearDB URL");
}

void TestConfigAssignment::unchangedSendsNothing()
{
    SimRequestLog log(m_sim);
    const ConfigAssignmentPlan plan = prepare([](ConfigAssignment &a) {
        a.preparePromote(ClearDbApp, QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("DATABASE_URL"));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::Unchanged);
    QVERIFY(plan.message.contains(QStringLiteral("nothing changed")));
    // apply() of a plan that is not Ready is an error and sends nothing.
    const ConfigAssignmentOutcome outcome = apply(plan, true);
    QVERIFY(!outcome.ok());
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
}

void TestConfigAssignment::refusesAttachmentOwnedVar()
{
    const QJsonObject before = config(PostgresApp);
    SimRequestLog log(m_sim);
    const ConfigAssignmentPlan plan = prepare([](ConfigAssignment &a) {
        a.prepareAssign(PostgresApp, QStringLiteral("DATABASE_URL"),
                        Secret(QStringLiteral("mysql://u:p%40ss@db.example.com/app")));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::Refused);
    QVERIFY2(
        plan.message.startsWith(QStringLiteral("DATABASE_URL on %1 belongs to the add-on ").arg(PostgresApp)),
        qPrintable(plan.message));
    QVERIFY2(plan.message.contains(QStringLiteral("Heroku Postgres, heroku-postgresql")),
             qPrintable(plan.message));
    QVERIFY(plan.message.contains(QStringLiteral("nothing was changed")));
    QVERIFY(!plan.ownerAddon.isEmpty() && plan.message.contains(plan.ownerAddon));
    QVERIFY(!plan.message.contains(QStringLiteral("p%40ss")));
    QCOMPARE(apply(plan, false).configWritten(), false);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
    QCOMPARE(config(PostgresApp), before);
}

void TestConfigAssignment::assignWritesTheExactUrlAndRestarts()
{
    // A password with every character that breaks hand-built URLs, percent-encoded by DatabaseUrl.
    DatabaseUrl built;
    built.setUser(QStringLiteral("b7e1"));
    built.setPassword(QStringLiteral("p@ss:w/o#r%d?"));
    built.setHost(QStringLiteral("dedicated.cleardb.example"));
    built.setDatabase(QStringLiteral("heroku_db"));
    const DatabaseUrl::ParseResult validated = built.validated();
    QVERIFY2(validated.ok(), qPrintable(validated.error.message));
    const QString url = validated.url.toString();

    SimRequestLog log(m_sim);
    const ConfigAssignmentPlan plan = prepare([&url](ConfigAssignment &a) {
        a.prepareAssign(EmptyApp, QStringLiteral("DATABASE_URL"), Secret(url));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::Ready);
    QVERIFY(!plan.maskedDiff().contains(QStringLiteral("p%40ss")));
    QCOMPARE(plan.maskedNewValue(), validated.url.redacted());
    const ConfigAssignmentOutcome outcome = apply(plan, true);
    QVERIFY2(outcome.ok(), qPrintable(outcome.patch.error.oneLine() + outcome.restartError.oneLine()));
    QVERIFY(outcome.restarted);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(EmptyApp)), 1);
    QVERIFY2(config(EmptyApp).value(QStringLiteral("DATABASE_URL")).toString() == url,
             "the sim holds exactly the built URL");
}

void TestConfigAssignment::missingSourceAndBadNames()
{
    SimRequestLog log(m_sim);
    ConfigAssignmentPlan plan = prepare([](ConfigAssignment &a) {
        a.preparePromote(EmptyApp, QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("MYSQL_URL"));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::NoSource);
    QVERIFY(plan.message.contains(QStringLiteral("no config var CLEARDB_DATABASE_URL")));

    plan = prepare([](ConfigAssignment &a) {
        a.prepareAssign(EmptyApp, QStringLiteral("BAD NAME"), Secret(QStringLiteral("x")));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::InvalidVar);
    plan = prepare([](ConfigAssignment &a) {
        a.preparePromote(EmptyApp, QStringLiteral("DATABASE_URL"), QStringLiteral("DATABASE_URL"));
    });
    QCOMPARE(plan.status, ConfigAssignmentPlan::Status::InvalidVar);
    QVERIFY(plan.message.contains(QStringLiteral("nothing to copy")));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
}

QTEST_GUILESS_MAIN(TestConfigAssignment)
#include "tst_configassignment.moc"
