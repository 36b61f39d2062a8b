// SPDX-License-Identifier: MIT
// cleardbctl's config commands end to end against heroku-sim: `config` masks credentials unless
// --reveal, `set`/`unset` send one PATCH, `promote` copies CLEARDB_DATABASE_URL into DATABASE_URL
// and refuses a var another add-on owns.
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimProcess.h"
#include "SimRequestLog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace CtlTest;

namespace {
const QString Token = QStringLiteral("ctl-config-token-Hs3Vq0bN");
const QString ClearDbApp = SimProcess::appName(0);  // seeded with cleardb:ignite
const QString PostgresApp = SimProcess::appName(1); // cleardb:punch + Heroku Postgres on DATABASE_URL
const QString EmptyApp = SimProcess::appName(2);    // no add-ons
} // namespace

class TestCleardbctlConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void configMasksSecretsUnlessRevealed();
    void setAndUnsetSendOnePatchEach();
    void promoteCopiesTheUrlInOnePatch();
    void promoteRefusesVarOwnedByAnotherAddon();

private:
    SimProcess m_sim{Token};
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctlConfig::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("4"), QStringLiteral("--log"),
                          QStringLiteral("--provision-delay"), QStringLiteral("200")}),
             qPrintable(m_sim.errorString()));
    m_ctl = new CtlProcess(m_sim);
}

void TestCleardbctlConfig::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctlConfig::configMasksSecretsUnlessRevealed()
{
    QCOMPARE(
        m_ctl
            ->run({QStringLiteral("set"), QStringLiteral("--app"), ClearDbApp,
                   QStringLiteral("STRIPE_SECRET=sk_live_abcdefgh123"), QStringLiteral("GREETING=hello")})
            .exitCode,
        0);
    const auto revealed = m_ctl->run({QStringLiteral("--json"), QStringLiteral("config"),
                                      QStringLiteral("--app"), ClearDbApp, QStringLiteral("--reveal")});
    QCOMPARE(revealed.exitCode, 0);
    const QJsonObject vars = parseJson(revealed.out).object();
    const QString url = vars.value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
    const QString password = passwordOf(url);
    QVERIFY2(password.size() >= 6, qPrintable(url.left(16)));
    QCOMPARE(vars.value(QStringLiteral("STRIPE_SECRET")).toString(), QStringLiteral("sk_live_abcdefgh123"));

    for (const QStringList &command :
         {args("config", "--app", ClearDbApp), args("--json", "config", "--app", ClearDbApp)}) {
        const auto masked = m_ctl->run(command);
        QCOMPARE(masked.exitCode, 0);
        QVERIFY2(!masked.out.contains(password), "database password printed without --reveal");
        QVERIFY2(!masked.out.contains(QStringLiteral("sk_live_abcdefgh123")),
                 "secret printed without --reveal");
        QVERIFY(masked.out.contains(QStringLiteral("hello")));
        // The URL stays recognisable: only the password is masked.
        QVERIFY(masked.out.contains(url.section(QLatin1Char('@'), 1)));
    }
    const QJsonObject maskedJson = parseJson(m_ctl
                                                 ->run({QStringLiteral("--json"), QStringLiteral("config"),
                                                        QStringLiteral("--app"), ClearDbApp})
                                                 .out)
                                       .object();
    QCOMPARE(maskedJson.keys(), vars.keys());

    // Not only MySQL: Heroku Postgres' DATABASE_URL keeps its host but loses its password.
    const QString postgres =
        parseJson(m_ctl->run(args("--json", "config", "--app", PostgresApp, "--reveal")).out)
            .object()
            .value(QStringLiteral("DATABASE_URL"))
            .toString();
    QVERIFY(postgres.startsWith(QStringLiteral("postgres://")));
    const QString postgresPassword = postgres.section(QLatin1Char(':'), 2).section(QLatin1Char('@'), 0, 0);
    QVERIFY(postgresPassword.size() >= 6);
    const auto postgresMasked = m_ctl->run(args("config", "--app", PostgresApp));
    QCOMPARE(postgresMasked.exitCode, 0);
    QVERIFY(!postgresMasked.out.contains(postgresPassword));
    QVERIFY(postgresMasked.out.contains(postgres.section(QLatin1Char('@'), 1)));
}

void TestCleardbctlConfig::setAndUnsetSendOnePatchEach()
{
    SimRequestLog log(m_sim);
    const auto set =
        m_ctl->run({QStringLiteral("set"), QStringLiteral("--app"), EmptyApp, QStringLiteral("ALPHA=1"),
                    QStringLiteral("BETA=two=2"), QStringLiteral("--restart")});
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("PATCH"), QStringLiteral("/apps/%1/config-vars").arg(EmptyApp)), 1);
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(EmptyApp)), 1);
    QVERIFY(set.out.contains(QStringLiteral("Set BETA: two=2")));

    auto config = [this] {
        return parseJson(m_ctl
                             ->run({QStringLiteral("--json"), QStringLiteral("config"),
                                    QStringLiteral("--app"), EmptyApp, QStringLiteral("--reveal")})
                             .out)
            .object();
    };
    QCOMPARE(config().value(QStringLiteral("BETA")).toString(), QStringLiteral("two=2"));

    log.mark();
    const auto unset = m_ctl->run({QStringLiteral("--json"), QStringLiteral("unset"), QStringLiteral("--app"),
                                   EmptyApp, QStringLiteral("ALPHA"), QStringLiteral("BETA")});
    QCOMPARE(unset.exitCode, 0);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 0);
    const QJsonObject after = parseJson(unset.out).object();
    QVERIFY(!after.isEmpty());
    QVERIFY(!after.contains(QStringLiteral("ALPHA")) && !after.contains(QStringLiteral("BETA")));
    QVERIFY(!config().contains(QStringLiteral("ALPHA")));
}

void TestCleardbctlConfig::promoteCopiesTheUrlInOnePatch()
{
    const QString app = SimProcess::appName(3);
    QCOMPARE(m_ctl->run({QStringLiteral("provision"), QStringLiteral("--app"), app, QStringLiteral("--wait")})
                 .exitCode,
             0);
    SimRequestLog log(m_sim);
    const auto promote = m_ctl->run({QStringLiteral("promote"), QStringLiteral("--app"), app});
    QCOMPARE(promote.exitCode, 0);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 1);
    const QJsonObject vars = parseJson(m_ctl
                                           ->run({QStringLiteral("--json"), QStringLiteral("config"),
                                                  QStringLiteral("--app"), app, QStringLiteral("--reveal")})
                                           .out)
                                 .object();
    const QString url = vars.value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
    QVERIFY(!url.isEmpty());
    QCOMPARE(vars.value(QStringLiteral("DATABASE_URL")).toString(), url);
    // old → new, masked, and the restart Heroku does on a config change.
    QVERIFY2(promote.out.contains(QStringLiteral("DATABASE_URL: (unset) → ")), qPrintable(promote.out));
    QVERIFY(!promote.out.contains(passwordOf(url)));
    QVERIFY(promote.out.contains(QStringLiteral("restarts")));

    // Promoting again changes nothing and sends no PATCH.
    log.mark();
    const auto again = m_ctl->run({QStringLiteral("promote"), QStringLiteral("--app"), app});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);
}

void TestCleardbctlConfig::promoteRefusesVarOwnedByAnotherAddon()
{
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("promote"), QStringLiteral("--app"), PostgresApp});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().startsWith(QStringLiteral("error: DATABASE_URL")), qPrintable(run.err));
    QVERIFY2(run.errLine().contains(QStringLiteral("heroku-postgresql")), qPrintable(run.err));
    QVERIFY(run.errLine().contains(QStringLiteral("nothing was changed")));
    QCOMPARE(log.countMethod(QStringLiteral("PATCH")), 0);

    // Another target var is allowed.
    const auto other = m_ctl->run({QStringLiteral("promote"), QStringLiteral("--app"), PostgresApp,
                                   QStringLiteral("--to"), QStringLiteral("MYSQL_URL")});
    QCOMPARE(other.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCleardbctlConfig)
#include "tst_cleardbctl_config.moc"
