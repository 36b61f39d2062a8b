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
    void secretsNeverPrinted();
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

// Values whose passwords no URL parser finds, and vars whose NAME is all that says they are secret:
// not one secret character may reach stdout or stderr of config, config --json, set or url parse.
void TestCleardbctlConfig::secretsNeverPrinted()
{
    const QList<QPair<QString, QString>> vars = {
        {S("MONGO_URL"),
         S("mongodb://mu:MongoPw-771@m1.example.com:27017,m2.example.com:27017/app?replicaSet=rs0")},
        {S("JDBC_DATABASE_URL"), S("jdbc:mysql://j.example.com:3306/app?user=ju&password=JdbcPw-552")},
        {S("QUERY_DATABASE_URL"), S("mysql://qu@q.example.com/app?password=QueryPw-334&reconnect=true")},
        {S("HASH_DATABASE_URL"), S("mysql://hu:HashPw#-918@h.example.com/app")},
        {S("LEGACY_URL"), S("weird+scheme://wu:WeirdPw-4410@@w.example.com/x")},
        {S("DB_PASS"), S("PlainPw-6610")},
        {S("API_KEY"), S("ApiKey-2231")},
        {S("SECRET_KEY_BASE"), S("BaseKey-5540")}};
    const QStringList secrets = {S("MongoPw-771"),  S("JdbcPw-552"),  S("QueryPw-334"),
                                 S("HashPw"),       S("-918"),        S("WeirdPw-4410"),
                                 S("PlainPw-6610"), S("ApiKey-2231"), S("BaseKey-5540")};
    auto leaked = [&secrets](const CtlProcess::Run &run) {
        for (const QString &secret : secrets) {
            if (run.out.contains(secret) || run.err.contains(secret))
                return secret;
        }
        return QString();
    };

    QStringList assignments{S("set"), S("--app"), ClearDbApp};
    for (const auto &var : vars)
        assignments << var.first + QLatin1Char('=') + var.second;
    for (const QStringList &command : {assignments, QStringList{S("--json")} + assignments}) {
        const auto set = m_ctl->run(command);
        QCOMPARE(set.exitCode, 0);
        QVERIFY2(leaked(set).isEmpty(), qPrintable(S("set printed ") + leaked(set)));
        QVERIFY(set.out.contains(QStringLiteral("DB_PASS")));
    }

    // The premise: Heroku (the sim) holds every value exactly, and --reveal still shows it.
    const auto revealed = m_ctl->run(args("--json", "config", "--app", ClearDbApp, "--reveal"));
    QCOMPARE(revealed.exitCode, 0);
    const QJsonObject stored = parseJson(revealed.out).object();
    for (const auto &var : vars)
        QCOMPARE(stored.value(var.first).toString(), var.second);
    const auto revealedText = m_ctl->run(args("config", "--app", ClearDbApp, "--reveal"));
    QVERIFY(revealedText.out.contains(QStringLiteral("HashPw#-918")));

    for (const QStringList &command :
         {args("config", "--app", ClearDbApp), args("--json", "config", "--app", ClearDbApp)}) {
        const auto masked = m_ctl->run(command);
        QCOMPARE(masked.exitCode, 0);
        QVERIFY2(leaked(masked).isEmpty(), qPrintable(S("config printed ") + leaked(masked)));
        QVERIFY(masked.out.contains(QStringLiteral("m1.example.com:27017,m2.example.com:27017/app")));
        QVERIFY(masked.out.contains(QStringLiteral("h.example.com/app")));
    }

    // url parse on the MySQL ones: an option named password, and a URL no parser accepts.
    for (const QString &var : {S("QUERY_DATABASE_URL"), S("HASH_DATABASE_URL")}) {
        const QString url = stored.value(var).toString();
        for (const QStringList &command : {args("url", "parse", url), args("--json", "url", "parse", url)}) {
            const auto parsed = m_ctl->run(command);
            QVERIFY2(leaked(parsed).isEmpty(), qPrintable(S("url parse printed ") + leaked(parsed)));
        }
    }
    const auto query = m_ctl->run(args("url", "parse", stored.value(S("QUERY_DATABASE_URL")).toString()));
    QCOMPARE(query.exitCode, 0);
    QVERIFY2(query.out.contains(QStringLiteral("q.example.com")), qPrintable(query.out));
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
