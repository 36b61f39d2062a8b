// SPDX-License-Identifier: MIT
// `cleardbctl url build|parse|snippet` as a user runs it: hostile passwords survive
// the round trip, stay masked unless revealed, and nothing goes over the network.
#include "CtlProcess.h"
#include "SimProcess.h"
#include "SimRequestLog.h"
#include "dburl/DatabaseUrl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestCleardbctlUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void buildsUrlsFromHostileParts_data();
    void buildsUrlsFromHostileParts();
    void buildMasksUnlessRevealed();
    void buildRefusesBadArguments_data();
    void buildRefusesBadArguments();
    void buildWarnsAboutMissingTlsFiles();
    void parsesAndMasks();
    void parseErrorsNamePartWithoutPassword_data();
    void parseErrorsNamePartWithoutPassword();
    void snippetsForEveryFramework_data();
    void snippetsForEveryFramework();
    void snippetRefusesUnknownFramework();
    void nothingReachedTheApi();

private:
    SimProcess m_sim;
    std::unique_ptr<CtlProcess> m_ctl;
    std::unique_ptr<SimRequestLog> m_log;
};

void TestCleardbctlUrl::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    m_ctl = std::make_unique<CtlProcess>(m_sim);
    m_log = std::make_unique<SimRequestLog>(m_sim);
}

void TestCleardbctlUrl::buildsUrlsFromHostileParts_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::newRow("reserved") << "p@ss:w/rd#%?&=+"
                              << "prod";
    QTest::newRow("spaces kept") << " lead and trail "
                                 << "prod";
    QTest::newRow("percent escapes") << "%40%25%2F"
                                     << "db%name";
    QTest::newRow("unicode") << QStringLiteral("пароль-密码-🔑") << QStringLiteral("données");
    QTest::newRow("brackets and quotes") << "[]{}\"'`\\;"
                                         << "app_db";
}

void TestCleardbctlUrl::buildsUrlsFromHostileParts()
{
    QFETCH(QString, password);
    QFETCH(QString, database);
    const auto run =
        m_ctl->run({QStringLiteral("url"), QStringLiteral("build"), QStringLiteral("--host"),
                    QStringLiteral("db.example.com"), QStringLiteral("--user"), QStringLiteral("app user"),
                    QStringLiteral("--database"), database, QStringLiteral("--port"), QStringLiteral("3307"),
                    QStringLiteral("--password-stdin"), QStringLiteral("--reveal")},
                   password.toUtf8() + '\n');
    QCOMPARE(run.exitCode, 0);
    const auto parsed = DatabaseUrl::parse(run.out.trimmed());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.message));
    QCOMPARE(parsed.url.password(), password);
    QCOMPARE(parsed.url.user(), QStringLiteral("app user"));
    QCOMPARE(parsed.url.database(), database);
    QCOMPARE(parsed.url.port(), 3307);
    QCOMPARE(parsed.url.host(), QStringLiteral("db.example.com"));
}

void TestCleardbctlUrl::buildMasksUnlessRevealed()
{
    const QByteArray secret = "s3cr3t-P@ss";
    const QStringList args{
        QStringLiteral("url"),        QStringLiteral("build"),  QStringLiteral("--host"),
        QStringLiteral("h.example"),  QStringLiteral("--user"), QStringLiteral("u"),
        QStringLiteral("--database"), QStringLiteral("d"),      QStringLiteral("--password-stdin")};
    const auto masked = m_ctl->run(args, secret);
    QCOMPARE(masked.exitCode, 0);
    QVERIFY(!masked.out.contains(QLatin1String("s3cr3t")));
    QVERIFY(masked.out.contains(DatabaseUrl::passwordMask()));

    const auto json = m_ctl->run(QStringList{QStringLiteral("--json")} + args, secret);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("host")).toString(), QStringLiteral("h.example"));
    QCOMPARE(object.value(QLatin1String("password")).toString(), DatabaseUrl::passwordMask());
    QVERIFY(!json.out.contains(QLatin1String("s3cr3t")));
}

void TestCleardbctlUrl::buildRefusesBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment");
    const QStringList base{QStringLiteral("url"), QStringLiteral("build"),      QStringLiteral("--user"),
                           QStringLiteral("u"),   QStringLiteral("--database"), QStringLiteral("d")};
    QTest::newRow("no host") << base << "--host";
    QTest::newRow("port text") << base + QStringList{QStringLiteral("--host"), QStringLiteral("h"),
                                                     QStringLiteral("--port"), QStringLiteral("abc")}
                               << "--port";
    QTest::newRow("port too big") << base + QStringList{QStringLiteral("--host"), QStringLiteral("h"),
                                                        QStringLiteral("--port"), QStringLiteral("65536")}
                                  << "--port";
    QTest::newRow("option without =")
        << base + QStringList{QStringLiteral("--host"), QStringLiteral("h"), QStringLiteral("--option"),
                              QStringLiteral("reconnect")}
        << "KEY=VALUE";
    QTest::newRow("url given") << QStringList{QStringLiteral("url"), QStringLiteral("build"),
                                              QStringLiteral("mysql://u@h/d")}
                               << "takes no URL";
    QTest::newRow("no action") << QStringList{QStringLiteral("url")} << "needs an action";
}

void TestCleardbctlUrl::buildRefusesBadArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);
    const auto run = m_ctl->run(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errLine().contains(fragment), qPrintable(run.err));
    QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), 0);
}

void TestCleardbctlUrl::buildWarnsAboutMissingTlsFiles()
{
    const auto run = m_ctl->run({QStringLiteral("url"), QStringLiteral("build"), QStringLiteral("--host"),
                                 QStringLiteral("h"), QStringLiteral("--user"), QStringLiteral("u"),
                                 QStringLiteral("--database"), QStringLiteral("d"),
                                 QStringLiteral("--ssl-ca"), QStringLiteral("/nonexistent/ca.pem")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(QLatin1String("warning:")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("warning: --ssl-ca: ")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("warning: --password-stdin: No password given")),
             qPrintable(run.err));
    QVERIFY(run.out.contains(QLatin1String("ca.pem")));
}

void TestCleardbctlUrl::parsesAndMasks()
{
    const QString url =
        QStringLiteral("mysql://b5f1e0a2c3d4e5:9fff31dc@us-cdbr-east-06.cleardb.net/heroku_35114113614968f"
                       "?reconnect=true");
    const auto masked = m_ctl->run({QStringLiteral("url"), QStringLiteral("parse"), url});
    QCOMPARE(masked.exitCode, 0);
    QVERIFY(!masked.out.contains(QLatin1String("9fff31dc")));
    QVERIFY(masked.out.contains(QLatin1String("us-cdbr-east-06.cleardb.net")));
    QVERIFY(masked.out.contains(QLatin1String("3306")));
    QVERIFY(masked.out.contains(QLatin1String("reconnect")));

    const auto revealed = m_ctl->run({QStringLiteral("--json"), QStringLiteral("url"),
                                      QStringLiteral("parse"), url, QStringLiteral("--reveal")});
    QCOMPARE(revealed.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(revealed.out.toUtf8()).object();
    QCOMPARE(object.value(QLatin1String("password")).toString(), QStringLiteral("9fff31dc"));
    QCOMPARE(object.value(QLatin1String("database")).toString(), QStringLiteral("heroku_35114113614968f"));
    QCOMPARE(object.value(QLatin1String("options"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("key"))
                 .toString(),
             QStringLiteral("reconnect"));
}

void TestCleardbctlUrl::parseErrorsNamePartWithoutPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("part");
    QTest::newRow("scheme") << "postgres://u:hunter2pw@h/d"
                            << "scheme";
    QTest::newRow("port") << "mysql://u:hunter2pw@h:99999/d"
                          << "port";
    QTest::newRow("port text") << "mysql://u:hunter2pw@h:abc/d"
                               << "port";
}

void TestCleardbctlUrl::parseErrorsNamePartWithoutPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, part);
    const auto run = m_ctl->run({QStringLiteral("url"), QStringLiteral("parse"), url});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ") + part), qPrintable(run.err));
    QVERIFY(!run.err.contains(QLatin1String("hunter2pw")));
    QVERIFY(!run.out.contains(QLatin1String("hunter2pw")));
}

void TestCleardbctlUrl::snippetsForEveryFramework_data()
{
    QTest::addColumn<QString>("framework");
    QTest::addColumn<QString>("expected");
    QTest::newRow("django") << "django"
                            << "django.db.backends.mysql";
    QTest::newRow("django on heroku") << "django"
                                      << "dj_database_url.config(conn_max_age=";
    QTest::newRow("sqlalchemy") << "sqlalchemy"
                                << "mysql+mysqldb";
    QTest::newRow("rails") << "rails"
                           << "mysql2://";
    QTest::newRow("rails on heroku") << "rails"
                                     << "url: <%= ENV.fetch(\"DATABASE_URL\")";
    QTest::newRow("node") << "node"
                          << "createPool";
    QTest::newRow("php") << "php"
                         << "mysql:host=";
    QTest::newRow("jdbc") << "jdbc"
                          << "jdbc:mysql://";
    QTest::newRow("qt") << "qt"
                        << "QMYSQL";
}

void TestCleardbctlUrl::snippetsForEveryFramework()
{
    QFETCH(QString, framework);
    QFETCH(QString, expected);
    const QString url = QStringLiteral("mysql://user:Pa%40ss%2Fword@db.example.com/appdb?reconnect=true");
    const auto run = m_ctl->run(
        {QStringLiteral("url"), QStringLiteral("snippet"), QStringLiteral("--framework"), framework, url});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(expected), qPrintable(run.out));
    QVERIFY(!run.out.contains(QLatin1String("Pa@ss/word")));
    QVERIFY(!run.out.contains(QLatin1String("Pa%40ss")));
}

void TestCleardbctlUrl::snippetRefusesUnknownFramework()
{
    const auto run =
        m_ctl->run({QStringLiteral("url"), QStringLiteral("snippet"), QStringLiteral("--framework"),
                    QStringLiteral("cobol"), QStringLiteral("mysql://u@h/d")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.errLine().contains(QLatin1String("django")));
    const auto missing =
        m_ctl->run({QStringLiteral("url"), QStringLiteral("snippet"), QStringLiteral("mysql://u@h/d")});
    QCOMPARE(missing.exitCode, 2);
}

void TestCleardbctlUrl::nothingReachedTheApi()
{
    QCOMPARE(m_log->total(), 0);
    QVERIFY(m_ctl->tokenNeverPrinted());
}

QTEST_GUILESS_MAIN(TestCleardbctlUrl)
#include "tst_cleardbctl_url.moc"
