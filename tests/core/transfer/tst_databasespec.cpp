// SPDX-License-Identifier: MIT
// DatabaseSpec and DatabaseSpecResolver: how app:APP, app:APP/VAR, env:NAME and URL specs parse, what
// each resolves to, and that every error is one line without the password. The app: forms go through
// the real API client to a real heroku-sim.
#include "SimHttp.h"
#include "SimProcess.h"
#include "heroku/HerokuClient.h"
#include "transfer/DatabaseSpec.h"
#include "transfer/DatabaseSpecResolver.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

#include <optional>

namespace {
const QString Password = QStringLiteral("Spec-secret-pw-77");
const QString Url =
    QStringLiteral("mysql://u1:Spec-secret-pw-77@db.example.com:3307/shop?ssl-ca=/etc/ca.pem");
} // namespace

class TestDatabaseSpec : public QObject
{
    Q_OBJECT
    SimProcess m_sim;
    QNetworkAccessManager m_network;

    Result<ResolvedDatabase> resolve(const QString &text, HerokuClient *client,
                                     const QProcessEnvironment &environment = QProcessEnvironment())
    {
        const Result<DatabaseSpec> spec = DatabaseSpec::parse(text, QStringLiteral("--from"));
        if (!spec)
            return spec.error();
        DatabaseSpecResolver resolver(client);
        resolver.setEnvironment(environment);
        // Result has no default value, so it cannot travel in a QVariant (QSignalSpy): kept here instead.
        std::optional<Result<ResolvedDatabase>> answer;
        int answers = 0;
        connect(&resolver, &DatabaseSpecResolver::resolved, this, [&](const Result<ResolvedDatabase> &db) {
            answer = db;
            ++answers;
        });
        resolver.resolve(spec.value());
        if (answers != 0)
            return makeError(Error::Kind::Conflict, QStringLiteral("resolved() came synchronously"));
        QElapsedTimer waited;
        waited.start();
        while (answers == 0 && waited.elapsed() < 15000)
            QTest::qWait(10);
        QTest::qWait(50); // a second answer would come within this
        if (answers != 1)
            return makeError(Error::Kind::Conflict, QStringLiteral("%1 answers").arg(answers));
        return *answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("4")}),
                 qPrintable(m_sim.errorString()));
        SimHttp http(m_sim);
        const QJsonObject vars{
            {QStringLiteral("CLEARDB_DATABASE_URL"), Url},
            {QStringLiteral("OTHER_URL"), QStringLiteral("mysql://u2:pw-other-123@h2/other")}};
        QCOMPARE(http.send("PATCH", QStringLiteral("/apps/%1/config-vars").arg(SimProcess::appName(2)),
                           QJsonDocument(vars).toJson(QJsonDocument::Compact),
                           {{"Content-Type", "application/json"}})
                     .status,
                 200);
    }

    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("app");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("environmentName");
        QTest::addColumn<bool>("passwordInText");
        using K = DatabaseSpec::Kind;
        QTest::newRow("app") << QStringLiteral("app:my-app") << int(K::App) << QStringLiteral("my-app")
                             << QStringLiteral("CLEARDB_DATABASE_URL") << QString() << false;
        QTest::newRow("app var") << QStringLiteral("app:my-app/DATABASE_URL") << int(K::App)
                                 << QStringLiteral("my-app") << QStringLiteral("DATABASE_URL") << QString()
                                 << false;
        QTest::newRow("env") << QStringLiteral("env:SRC_URL") << int(K::Environment) << QString() << QString()
                             << QStringLiteral("SRC_URL") << false;
        QTest::newRow("url with password")
            << Url << int(K::Url) << QString() << QString() << QString() << true;
        QTest::newRow("url without password") << QStringLiteral("mysql://u@127.0.0.1/db") << int(K::Url)
                                              << QString() << QString() << QString() << false;
        QTest::newRow("mysql2 url") << QStringLiteral("mysql2://u:pw-long-enough@h/db") << int(K::Url)
                                    << QString() << QString() << QString() << true;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const Result<DatabaseSpec> spec = DatabaseSpec::parse(text, QStringLiteral("--from"));
        QVERIFY2(spec.ok(), qPrintable(spec ? QString() : spec.error().oneLine()));
        QCOMPARE(int(spec.value().kind), kind);
        QTEST(spec.value().app, "app");
        QTEST(spec.value().variable, "variable");
        QTEST(spec.value().environmentName, "environmentName");
        QTEST(spec.value().hasPasswordInText(), "passwordInText");
        QVERIFY(!spec.value().description().contains(QStringLiteral("pw")));
        QCOMPARE(spec.value().needsHeroku(), kind == int(DatabaseSpec::Kind::App));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty app") << QStringLiteral("app:") << QStringLiteral("app:APP");
        QTest::newRow("empty var") << QStringLiteral("app:a/") << QStringLiteral("app:APP/VAR");
        QTest::newRow("nested var") << QStringLiteral("app:a/B/C") << QStringLiteral("app:APP/VAR");
        QTest::newRow("blank in app") << QStringLiteral("app:my app") << QStringLiteral("app:APP");
        QTest::newRow("empty env") << QStringLiteral("env:") << QStringLiteral("env:NAME");
        QTest::newRow("env with =") << QStringLiteral("env:A=b") << QStringLiteral("env:NAME");
        QTest::newRow("bad port") << QStringLiteral("mysql://u:Spec-secret-pw-77@h:99999/db")
                                  << QStringLiteral("--from: ");
        QTest::newRow("other scheme")
            << QStringLiteral("postgres://u:Spec-secret-pw-77@h/db") << QStringLiteral("--from: ");
        QTest::newRow("no scheme") << QStringLiteral("u:Spec-secret-pw-77@h/db")
                                   << QStringLiteral("env:NAME");
        QTest::newRow("empty") << QString() << QStringLiteral("app:APP");
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Result<DatabaseSpec> spec = DatabaseSpec::parse(text, QStringLiteral("--from"));
        QVERIFY(!spec.ok());
        const QString line = spec.error().oneLine();
        QVERIFY2(line.contains(expected), qPrintable(line));
        QVERIFY2(line.startsWith(QStringLiteral("--from")), qPrintable(line));
        QVERIFY(!line.contains(Password) && !line.contains(QLatin1Char('\n')));
    }

    void resolvesAUrlAsItIs()
    {
        const Result<ResolvedDatabase> db = resolve(Url, nullptr);
        QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().oneLine()));
        QCOMPARE(db.value().endpoint.label(), QStringLiteral("u1@db.example.com:3307/shop"));
        QCOMPARE(db.value().endpoint.password.reveal(), Password);
        QCOMPARE(db.value().endpoint.caFile, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(db.value().probeTarget().port, quint16(3307));
        QCOMPARE(db.value().probeTarget().caFile, QStringLiteral("/etc/ca.pem"));
        QVERIFY(!db.value().description.contains(Password));
    }

    void resolvesTheEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SRC_URL"), Url);
        environment.insert(QStringLiteral("EMPTY_URL"), QString());
        environment.insert(QStringLiteral("NO_DB_URL"), QStringLiteral("mysql://u:Spec-secret-pw-77@h"));
        Result<ResolvedDatabase> db = resolve(QStringLiteral("env:SRC_URL"), nullptr, environment);
        QVERIFY(db.ok());
        QCOMPARE(db.value().endpoint.database, QStringLiteral("shop"));
        QCOMPARE(db.value().description, QStringLiteral("environment variable SRC_URL"));
        db = resolve(QStringLiteral("env:UNSET_URL"), nullptr, environment);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().oneLine().contains(QStringLiteral("UNSET_URL is not set")),
                 qPrintable(db.error().oneLine()));
        db = resolve(QStringLiteral("env:EMPTY_URL"), nullptr, environment);
        QVERIFY(!db.ok() && db.error().oneLine().contains(QStringLiteral("EMPTY_URL is empty")));
        db = resolve(QStringLiteral("env:NO_DB_URL"), nullptr, environment);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().oneLine().startsWith(QStringLiteral("environment variable NO_DB_URL: ")) &&
                     db.error().oneLine().contains(QStringLiteral("names no database")) &&
                     !db.error().oneLine().contains(Password),
                 qPrintable(db.error().oneLine()));
    }

    void resolvesAnAppsConfigVarThroughTheApi()
    {
        HerokuClient client(&m_network, ApiEndpoint::fromSetting(m_sim.baseUrl()));
        client.setToken(m_sim.token());
        const QString app = SimProcess::appName(2);
        Result<ResolvedDatabase> db = resolve(QStringLiteral("app:") + app, &client);
        QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().oneLine()));
        QCOMPARE(db.value().endpoint.password.reveal(), Password);
        QCOMPARE(db.value().description, QStringLiteral("CLEARDB_DATABASE_URL of app %1").arg(app));
        db = resolve(QStringLiteral("app:%1/OTHER_URL").arg(app), &client);
        QVERIFY(db.ok());
        QCOMPARE(db.value().endpoint.label(), QStringLiteral("u2@h2:3306/other"));

        db = resolve(QStringLiteral("app:%1/MISSING_URL").arg(app), &client);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().kind, Error::Kind::NotFound);
        QVERIFY2(db.error().oneLine().contains(QStringLiteral("has no config var MISSING_URL")),
                 qPrintable(db.error().oneLine()));
        db = resolve(QStringLiteral("app:no-such-app-q"), &client);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().oneLine().startsWith(QStringLiteral("app no-such-app-q was not found")),
                 qPrintable(db.error().oneLine()));
        // An app without a ClearDB add-on: the default var is missing, and the message says what to do.
        db = resolve(QStringLiteral("app:") + SimProcess::appName(3), &client);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().oneLine().contains(QStringLiteral("has no config var CLEARDB_DATABASE_URL")) &&
                     db.error().oneLine().contains(QStringLiteral("app:%1/VAR").arg(SimProcess::appName(3))),
                 qPrintable(db.error().oneLine()));
    }

    void cancelSuppressesTheAnswer()
    {
        DatabaseSpecResolver resolver(nullptr);
        int answers = 0;
        connect(&resolver, &DatabaseSpecResolver::resolved, this, [&answers] { ++answers; });
        resolver.resolve(DatabaseSpec::parse(Url, QStringLiteral("--from")).value());
        resolver.cancel();
        QTest::qWait(300);
        QCOMPARE(answers, 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseSpec)
#include "tst_databasespec.moc"
