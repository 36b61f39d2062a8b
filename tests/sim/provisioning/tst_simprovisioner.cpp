// SPDX-License-Identifier: MIT
// SimServer with a DatabaseProvisioner plugged in, as a real-database provisioner will be: the URL
// it reports is the one published, failures deprovision the add-on, removal is handed back to it.
#include "SimHttp.h"
#include "sim/SimServer.h"
#include "sim/provisioning/DatabaseProvisioner.h"
#include "sim/state/SimSeeder.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimer>

namespace {
class ScriptedProvisioner : public DatabaseProvisioner
{
public:
    QString nextUrl;      // empty: fail instead
    QStringList released; // add-on ids handed to deprovision()
    QStringList plans;

    void provision(const QString &addonId, const QString &plan, qint64 seedBytes) override
    {
        Q_UNUSED(seedBytes)
        plans.append(plan);
        QTimer::singleShot(50, this, [this, addonId] {
            if (nextUrl.isEmpty())
                Q_EMIT failed(addonId, QStringLiteral("no capacity"));
            else
                Q_EMIT provisioned(addonId, nextUrl);
        });
    }
    void deprovision(const QString &addonId, const QString &databaseUrl) override
    {
        Q_UNUSED(databaseUrl)
        released.append(addonId);
    }
};
} // namespace

SimServer::Options options()
{
    SimServer::Options o;
    o.token = QByteArrayLiteral("tok");
    return o;
}

class TestSimProvisioner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishesTheProvisionersUrl();
    void failureDeprovisions();
};

void TestSimProvisioner::publishesTheProvisionersUrl()
{
    auto *provisioner = new ScriptedProvisioner;
    provisioner->nextUrl = QStringLiteral("mysql://u:p@127.0.0.1:3307/heroku_local?reconnect=true");
    SimServer server(SimSeeder::seed(1), options(), provisioner);
    const Status listening = server.listen(0);
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error().oneLine()));
    SimHttp http(QStringLiteral("http://127.0.0.1:%1").arg(server.port()), QStringLiteral("tok"));
    const SimHttp::Reply created =
        http.send("POST", QStringLiteral("/apps/sandbox-app-0001/addons"),
                  R"({"plan":"cleardb:punch","name":"real-db","attachment":{"name":"LOCAL_DB"}})");
    QCOMPARE(created.status, 201);
    QCOMPARE(provisioner->plans, QStringList{QStringLiteral("cleardb:punch")});
    QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/apps/sandbox-app-0001/config-vars"))
                                  .json()
                                  .object()
                                  .value(QStringLiteral("LOCAL_DB_URL"))
                                  .toString(),
                              provisioner->nextUrl, 5000);
    QCOMPARE(http.send("DELETE", QStringLiteral("/apps/sandbox-app-0001/addons/real-db")).status, 200);
    QCOMPARE(provisioner->released.size(), 1);
    QCOMPARE(provisioner->released.first(), created.json().object().value(QStringLiteral("id")).toString());
}

void TestSimProvisioner::failureDeprovisions()
{
    auto *provisioner = new ScriptedProvisioner; // no URL: it reports failure
    SimServer server(SimSeeder::seed(1), options(), provisioner);
    const Status listening = server.listen(0);
    QVERIFY2(listening, qPrintable(listening ? QString() : listening.error().oneLine()));
    SimHttp http(QStringLiteral("http://127.0.0.1:%1").arg(server.port()), QStringLiteral("tok"));
    const QJsonObject before = http.get(QStringLiteral("/apps/sandbox-app-0001/config-vars")).json().object();
    QCOMPARE(http.send("POST", QStringLiteral("/apps/sandbox-app-0001/addons"),
                       R"({"plan":"cleardb:ignite","name":"doomed"})")
                 .status,
             201);
    QTRY_COMPARE_WITH_TIMEOUT(
        http.get(QStringLiteral("/addons/doomed")).json().object().value(QStringLiteral("state")).toString(),
        QStringLiteral("deprovisioned"), 5000);
    // No config var was published for it.
    QCOMPARE(http.get(QStringLiteral("/apps/sandbox-app-0001/config-vars")).json().object(), before);
    // Its attachment is gone with it.
    QCOMPARE(http.get(QStringLiteral("/addons/doomed/addon-attachments")).json().array().size(), 0);
}

QTEST_GUILESS_MAIN(TestSimProvisioner)
#include "tst_simprovisioner.moc"
