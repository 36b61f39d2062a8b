// SPDX-License-Identifier: MIT
// The real Heroku CLI (npm `heroku`, pinned) runs the ClearDB guide's workflow against heroku-sim:
// list apps and add-ons, create a ClearDB add-on and wait for it, read the config, copy the URL
// into DATABASE_URL, upgrade, destroy, restart. Each step must exit 0, print what a user expects,
// and leave the sim in the state the command promised. What each command printed is logged
// (passwords masked) so a reviewer can see the CLI's own words.
#include "SimHttp.h"
#include "SimProcess.h"
#include "credentials/SecretRedactor.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Token = QStringLiteral("herokucli-token-Zr8Lp3vQ");

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};
} // namespace

class TestHerokuCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void apps();
    void addonsOfSeededApp();
    void createClearDbAndWait();
    void config();
    void configSetDatabaseUrl();
    void upgradeToScream();
    void destroyWithConfirm();
    void psRestart();

private:
    CliRun heroku(const QStringList &args);
    QJsonObject configVars();

    SimProcess m_sim{Token};
    QTemporaryDir m_home;
    QString m_app = SimProcess::appName(2); // seeded without add-ons
    QString m_addon;
};

void TestHerokuCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(HEROKUCLI_BIN)),
             "the Heroku CLI is not installed; run `ctest -R herokucli_npm_ci` (needs npm and the registry)");
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                          QStringLiteral("1500"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    SecretRedactor::registerSecret(Token);
}

CliRun TestHerokuCli::heroku(const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The variables the Heroku CLI documents for unattended use, and a private HOME so that no
    // ~/.netrc, plugin or cache of the machine's user is involved.
    env.insert(QStringLiteral("DISABLE_TELEMETRY"), QStringLiteral("true"));
    env.insert(QStringLiteral("HEROKU_SKIP_NEW_VERSION_CHECK"), QStringLiteral("true"));
    env.insert(QStringLiteral("HEROKU_DISABLE_AUTOUPDATE"), QStringLiteral("true"));
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HEROKU_API_KEY"), Token);
    env.insert(QStringLiteral("HEROKU_HOST"), m_sim.baseUrl());
    env.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
    env.remove(QStringLiteral("HEROKU_APP"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HEROKUCLI_BIN), args);
    CliRun run;
    if (!process.waitForStarted(30000))
        return run;
    process.closeWriteChannel();
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    // The record for the closing note; database passwords and the token masked.
    qInfo("$ heroku %s  -> exit %d\n--- stdout:\n%s\n--- stderr:\n%s",
          qPrintable(SecretRedactor::redact(args.join(QLatin1Char(' ')))), run.exitCode,
          qPrintable(SecretRedactor::redact(run.out)), qPrintable(SecretRedactor::redact(run.err)));
    return run;
}

QJsonObject TestHerokuCli::configVars()
{
    SimHttp http(m_sim);
    return http.get(QStringLiteral("/apps/%1/config-vars").arg(m_app)).json().object();
}

void TestHerokuCli::apps()
{
    const CliRun run = heroku({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(run.out.contains(SimProcess::appName(i)), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Apps")));
    QVERIFY(!run.all().contains(Token));
}

void TestHerokuCli::addonsOfSeededApp()
{
    const CliRun run = heroku({QStringLiteral("addons"), QStringLiteral("--app"), SimProcess::appName(0)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("cleardb")) && run.out.contains(QStringLiteral("ignite")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("CLEARDB_DATABASE")));
}

void TestHerokuCli::createClearDbAndWait()
{
    const CliRun run = heroku({QStringLiteral("addons:create"), QStringLiteral("cleardb:ignite"),
                               QStringLiteral("--app"), m_app, QStringLiteral("--wait")});
    QCOMPARE(run.exitCode, 0);
    static const QRegularExpression created(QStringLiteral("Created (\\S+) as CLEARDB_DATABASE_URL"));
    const QRegularExpressionMatch match = created.match(run.all());
    QVERIFY2(match.hasMatch(), qPrintable(run.all()));
    m_addon = match.captured(1);
    SimHttp http(m_sim);
    const QJsonArray addons = http.get(QStringLiteral("/apps/%1/addons").arg(m_app)).json().array();
    QCOMPARE(addons.size(), 1);
    QCOMPARE(addons.first().toObject().value(QStringLiteral("name")).toString(), m_addon);
    // --wait returned only once the add-on was ready.
    QCOMPARE(addons.first().toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("provisioned"));
}

void TestHerokuCli::config()
{
    const CliRun run = heroku({QStringLiteral("config"), QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("=== %1 Config Vars").arg(m_app)), qPrintable(run.out));
    const QString url = configVars().value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
    QVERIFY(url.startsWith(QStringLiteral("mysql://")));
    SecretRedactor::registerSecret(url.section(QLatin1Char(':'), 2).section(QLatin1Char('@'), 0, 0));
    QVERIFY2(run.out.contains(QStringLiteral("CLEARDB_DATABASE_URL: ") + url), "heroku config shows the URL");
}

void TestHerokuCli::configSetDatabaseUrl()
{
    const QString url = configVars().value(QStringLiteral("CLEARDB_DATABASE_URL")).toString();
    const CliRun run = heroku({QStringLiteral("config:set"), QStringLiteral("DATABASE_URL=") + url,
                               QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.all().contains(QStringLiteral("Setting DATABASE_URL and restarting %1").arg(m_app)),
             qPrintable(run.err));
    QCOMPARE(configVars().value(QStringLiteral("DATABASE_URL")).toString(), url);
}

void TestHerokuCli::upgradeToScream()
{
    QVERIFY(!m_addon.isEmpty());
    const CliRun run = heroku({QStringLiteral("addons:upgrade"), m_addon, QStringLiteral("cleardb:scream"),
                               QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.all().contains(QStringLiteral("from cleardb:ignite to cleardb:scream")),
             qPrintable(run.all()));
    SimHttp http(m_sim);
    const QJsonObject addon =
        http.get(QStringLiteral("/apps/%1/addons/%2").arg(m_app, m_addon)).json().object();
    QCOMPARE(addon.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("cleardb:scream"));
}

void TestHerokuCli::destroyWithConfirm()
{
    QVERIFY(!m_addon.isEmpty());
    const CliRun run = heroku({QStringLiteral("addons:destroy"), m_addon, QStringLiteral("--app"), m_app,
                               QStringLiteral("--confirm"), m_app});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.all().contains(QStringLiteral("Destroying %1 on %2... done").arg(m_addon, m_app)),
             qPrintable(run.all()));
    SimHttp http(m_sim);
    QCOMPARE(http.get(QStringLiteral("/apps/%1/addons").arg(m_app)).json().array().size(), 0);
    QVERIFY(!configVars().contains(QStringLiteral("CLEARDB_DATABASE_URL")));
}

void TestHerokuCli::psRestart()
{
    m_sim.process().waitForReadyRead(100); // take in the log lines of the earlier commands
    const int before = m_sim.standardError().count(QStringLiteral("DELETE /apps/%1/dynos -> 202").arg(m_app));
    const CliRun run = heroku({QStringLiteral("ps:restart"), QStringLiteral("--app"), m_app});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.all().contains(QStringLiteral("Restarting all dynos on %1... done").arg(m_app)),
             qPrintable(run.all()));
    m_sim.process().waitForReadyRead(100);
    QCOMPARE(m_sim.standardError().count(QStringLiteral("DELETE /apps/%1/dynos -> 202").arg(m_app)),
             before + 1);
}

QTEST_GUILESS_MAIN(TestHerokuCli)
#include "tst_herokucli.moc"
