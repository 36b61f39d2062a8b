// SPDX-License-Identifier: MIT
// The console's sandbox on the real sandbox cluster: the seeded ClearDB add-on
// becomes a real database behind the routed endpoint, and a cluster the user
// already runs is used and left running when the console goes away.
#include "TestConfig.h"
#include "credentials/InMemoryCredentialStore.h"
#include "dburl/DatabaseUrl.h"
#include "heroku/HerokuClient.h"
#include "sandbox/SandboxCluster.h"
#include "session/ConsoleStartup.h"

#include <QNetworkAccessManager>

Q_DECLARE_METATYPE(HerokuResult)
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

class TestConsoleSandboxDatabases : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seededAddonIsARealDatabaseOnTheRunningCluster();
};

void TestConsoleSandboxDatabases::seededAddonIsARealDatabaseOnTheRunningCluster()
{
    const QString clusterDir = qEnvironmentVariable("CLEARDB_SANDBOX_DIR");
    QVERIFY2(!clusterDir.isEmpty(), "runs under the mariadb_cluster fixture");
    QTemporaryDir home;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("CLEARDB_SANDBOX_DIR"), clusterDir);
    environment.insert(QStringLiteral("CLEARDB_SANDBOX_DATABASES"), QStringLiteral("1"));
    InMemoryCredentialStore store;

    auto startup = std::make_unique<ConsoleStartup>();
    startup->setEnvironment(environment);
    startup->setCredentialStore(&store);
    startup->setSandboxProgram(QStringLiteral(CLEARDB_BIN_DIR "/heroku-sim"));
    QSignalSpy ready(startup.get(), &ConsoleStartup::ready);
    QSignalSpy notice(startup.get(), &ConsoleStartup::notice);
    startup->start();
    QVERIFY(ready.wait(60000));
    for (const QList<QVariant> &args : std::as_const(notice))
        QVERIFY2(!args.first().toString().contains(QLatin1String("did not start")),
                 qPrintable(args.first().toString()));
    const auto connection = ready.first().first().value<ConsoleConnection>();
    QVERIFY(connection.sandbox);

    // heroku-sim creates the seeded add-on's database on the pair, then publishes its URL
    // in place of the placeholder the seed starts with.
    QNetworkAccessManager network;
    HerokuClient client(&network, connection.endpoint);
    client.setToken(connection.token.reveal());
    const auto realUrl = [&](const QString &app) {
        QSignalSpy done(client.configVars(app), &HerokuRequest::finished);
        if (!done.wait(5000))
            return QString();
        const QString url = done.first()
                                .first()
                                .value<HerokuResult>()
                                .object()
                                .value(QLatin1String("CLEARDB_DATABASE_URL"))
                                .toString();
        return url.contains(QLatin1String("@127.0.0.1:")) ? url : QString();
    };
    QString url;
    QTRY_VERIFY_WITH_TIMEOUT(!(url = realUrl(QStringLiteral("sandbox-app-0001"))).isEmpty(), 60000);
    // Every seeded add-on's database is made (and filled with its sample data) before the console
    // goes: a fill cut short by heroku-sim's exit still finishes its last statement on the server,
    // and would write under the next test on this cluster.
    QTRY_VERIFY_WITH_TIMEOUT(!realUrl(QStringLiteral("sandbox-app-0002")).isEmpty() &&
                                 !realUrl(QStringLiteral("sandbox-app-0003")).isEmpty(),
                             120000);
    const auto parsed = DatabaseUrl::parse(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(parsed.url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(parsed.url.database().startsWith(QLatin1String("heroku_")));
    QVERIFY(parsed.url.option(UrlOptionTable::SslCa).startsWith(clusterDir));

    // The console did not start this cluster, so it leaves it running.
    startup.reset();
    SandboxCluster cluster(SandboxCluster::locateScript(), clusterDir);
    QSignalSpy status(&cluster, &SandboxCluster::statusRefreshed);
    cluster.refreshStatus();
    QVERIFY(status.wait(20000));
    QCOMPARE(status.first().first().value<SandboxResult>().status.state, QStringLiteral("running"));
}

QTEST_MAIN(TestConsoleSandboxDatabases)
#include "tst_consolesandboxdatabases.moc"
