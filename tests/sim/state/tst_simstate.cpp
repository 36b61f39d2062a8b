// SPDX-License-Identifier: MIT
// heroku-sim --state: changes survive a restart, provisioning resumes, a damaged file is refused.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestSimState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void survivesRestart();
    void resumesProvisioning();
    void damagedFileIsRefused_data();
    void damagedFileIsRefused();
};

void TestSimState::survivesRestart()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("sim.json"));
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("4"), QStringLiteral("--state"), state,
                       QStringLiteral("--provision-delay"), QStringLiteral("0")}));
    QVERIFY(QFile::exists(state)); // written at start
    // Owner-only: the file holds database URLs with passwords.
    QCOMPARE(QFile::permissions(state) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    {
        SimHttp http(sim);
        QCOMPARE(http.send("PATCH", QStringLiteral("/apps/sandbox-app-0004/config-vars"), R"({"KEPT":"yes"})")
                     .status,
                 200);
        QCOMPARE(http.send("POST", QStringLiteral("/apps/sandbox-app-0004/addons"),
                           R"({"plan":"cleardb:drift","name":"kept-db"})")
                     .status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/apps/sandbox-app-0004/addons/kept-db"))
                                      .json()
                                      .object()
                                      .value(QStringLiteral("state"))
                                      .toString(),
                                  QStringLiteral("provisioned"), 5000);
    }
    sim.stop();
    // --apps is ignored when the state file exists: the saved world comes back.
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--state"), state}));
    SimHttp http(sim);
    QCOMPARE(http.get(QStringLiteral("/apps")).json().array().size(), 4);
    const QJsonObject config = http.get(QStringLiteral("/apps/sandbox-app-0004/config-vars")).json().object();
    QCOMPARE(config.value(QStringLiteral("KEPT")).toString(), QStringLiteral("yes"));
    QVERIFY(config.value(QStringLiteral("CLEARDB_DATABASE_URL"))
                .toString()
                .startsWith(QStringLiteral("mysql://")));
    const QJsonObject addon =
        http.get(QStringLiteral("/apps/sandbox-app-0004/addons/kept-db")).json().object();
    QCOMPARE(addon.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("cleardb:drift"));
}

void TestSimState::resumesProvisioning()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("sim.json"));
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1"), QStringLiteral("--state"), state,
                       QStringLiteral("--provision-delay"), QStringLiteral("60000")}));
    {
        SimHttp http(sim);
        QCOMPARE(http.send("POST", QStringLiteral("/apps/sandbox-app-0001/addons"),
                           R"({"plan":"cleardb:ignite","name":"slow-db"})")
                     .status,
                 201);
    }
    sim.stop(); // stopped while provisioning
    QVERIFY(sim.start(
        {QStringLiteral("--state"), state, QStringLiteral("--provision-delay"), QStringLiteral("0")}));
    SimHttp http(sim);
    QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/apps/sandbox-app-0001/addons/slow-db"))
                                  .json()
                                  .object()
                                  .value(QStringLiteral("state"))
                                  .toString(),
                              QStringLiteral("provisioned"), 5000);
}

void TestSimState::damagedFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << QByteArray("{\"format\": ");
    QTest::newRow("wrong format") << QByteArray(R"({"format":"something-else"})");
    QTest::newRow("mistyped member") << QByteArray(
        R"({"format":"heroku-sim-state/1","account":{"id":"a","createdAt":"2024-01-01T00:00:00Z"},"apps":[{"id":1}],"addons":[],"attachments":[],"releases":[],"dynos":[]})");
}

void TestSimState::damagedFileIsRefused()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("sim.json"));
    QFile file(state);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    SimProcess sim;
    QVERIFY(!sim.start({QStringLiteral("--state"), state}));
    QCOMPARE(sim.process().exitCode(), 1);
    const QString err = sim.standardError().trimmed();
    QVERIFY2(err.startsWith(QStringLiteral("heroku-sim: state file")) && !err.contains(QLatin1Char('\n')),
             qPrintable(err));
    file.open(QIODevice::ReadOnly);
    QCOMPARE(file.readAll(), content); // left untouched
}

QTEST_GUILESS_MAIN(TestSimState)
#include "tst_simstate.moc"
