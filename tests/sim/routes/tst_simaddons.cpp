// SPDX-License-Identifier: MIT
// heroku-sim add-on lifecycle: asynchronous provisioning, the attachment-owned config var, plan
// changes, removal, and the resolve actions the Heroku CLI uses.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {
QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
const QRegularExpression
    clearDbUrl(QStringLiteral("^mysql://[0-9a-f]{14}:[0-9a-f]{8}@us-cdbr-east-06\\.cleardb\\.net/"
                              "heroku_[0-9a-f]{15}\\?reconnect=true$"));
} // namespace

class TestSimAddons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seededState();
    void provisioningIsAsynchronous();
    void attachmentOwnedVarIsProtected();
    void configPatchSetsAndUnsets();
    void planChangesAndRemoval();
    void createErrors();
    void resolveActions();
};

void TestSimAddons::seededState()
{
    SimProcess sim;
    QVERIFY2(sim.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(sim.errorString()));
    SimHttp http(sim);
    const QJsonObject first = http.get(QStringLiteral("/apps/sandbox-app-0001/config-vars")).json().object();
    QVERIFY(clearDbUrl.match(first.value(QStringLiteral("CLEARDB_DATABASE_URL")).toString()).hasMatch());
    const QJsonObject second = http.get(QStringLiteral("/apps/sandbox-app-0002/config-vars")).json().object();
    QVERIFY(
        second.value(QStringLiteral("DATABASE_URL")).toString().startsWith(QStringLiteral("postgres://")));
    QVERIFY(second.contains(QStringLiteral("CLEARDB_DATABASE_URL")));
    const QJsonArray attachments =
        http.get(QStringLiteral("/apps/sandbox-app-0002/addon-attachments")).json().array();
    QStringList names;
    for (const QJsonValue &a : attachments)
        names.append(a.toObject().value(QStringLiteral("name")).toString());
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("CLEARDB_DATABASE"), QStringLiteral("DATABASE")}));
    QVERIFY(http.get(QStringLiteral("/apps/sandbox-app-0003/addons")).json().array().isEmpty());
    // Seeded ids are stable across runs.
    SimProcess again;
    QVERIFY(again.start({QStringLiteral("--apps"), QStringLiteral("3")}));
    SimHttp http2(again);
    QCOMPARE(http2.get(QStringLiteral("/apps/sandbox-app-0002")).json().object().value(QStringLiteral("id")),
             http.get(QStringLiteral("/apps/sandbox-app-0002")).json().object().value(QStringLiteral("id")));
}

void TestSimAddons::provisioningIsAsynchronous()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                       QStringLiteral("1500")}));
    SimHttp http(sim);
    const SimHttp::Reply created =
        http.send("POST", QStringLiteral("/apps/sandbox-app-0003/addons"),
                  json({{QStringLiteral("plan"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("cleardb:ignite")}}}}));
    QCOMPARE(created.status, 201);
    const QJsonObject addon = created.json().object();
    QCOMPARE(addon.value(QStringLiteral("state")).toString(), QStringLiteral("provisioning"));
    QCOMPARE(addon.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("cleardb:ignite"));
    const QString name = addon.value(QStringLiteral("name")).toString();
    QVERIFY(name.startsWith(QStringLiteral("cleardb-")));
    // Not yet provisioned: no config var.
    QVERIFY(!http.get(QStringLiteral("/apps/sandbox-app-0003/config-vars"))
                 .json()
                 .object()
                 .contains(QStringLiteral("CLEARDB_DATABASE_URL")));
    QTRY_COMPARE_WITH_TIMEOUT(http.get(QStringLiteral("/apps/sandbox-app-0003/addons/") + name)
                                  .json()
                                  .object()
                                  .value(QStringLiteral("state"))
                                  .toString(),
                              QStringLiteral("provisioned"), 10000);
    const QJsonObject config = http.get(QStringLiteral("/apps/sandbox-app-0003/config-vars")).json().object();
    QVERIFY(clearDbUrl.match(config.value(QStringLiteral("CLEARDB_DATABASE_URL")).toString()).hasMatch());
    // Addressable by attachment name too, as the CLI does.
    QCOMPARE(http.get(QStringLiteral("/apps/sandbox-app-0003/addons/CLEARDB_DATABASE"))
                 .json()
                 .object()
                 .value(QStringLiteral("name"))
                 .toString(),
             name);

    // A second ClearDB add-on on the same app gets a colored attachment and its own var.
    const SimHttp::Reply second =
        http.send("POST", QStringLiteral("/apps/sandbox-app-0003/addons"),
                  json({{QStringLiteral("plan"), QStringLiteral("cleardb:punch")}}));
    QCOMPARE(second.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(http.get(QStringLiteral("/apps/sandbox-app-0003/config-vars"))
                                 .json()
                                 .object()
                                 .contains(QStringLiteral("CLEARDB_DATABASE_AQUA_URL")),
                             10000);
    QCOMPARE(second.json().object().value(QStringLiteral("config_vars")).toArray().at(0).toString(),
             QStringLiteral("CLEARDB_DATABASE_AQUA_URL"));
}

void TestSimAddons::attachmentOwnedVarIsProtected()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2")}));
    SimHttp http(sim);
    const QString path = QStringLiteral("/apps/sandbox-app-0002/config-vars");
    const QJsonObject before = http.get(path).json().object();
    for (const QJsonObject &change :
         {QJsonObject{{QStringLiteral("CLEARDB_DATABASE_URL"), QStringLiteral("mysql://me:pw@h/db")}},
          QJsonObject{{QStringLiteral("CLEARDB_DATABASE_URL"), QJsonValue::Null}},
          QJsonObject{{QStringLiteral("DATABASE_URL"), QStringLiteral("mysql://x")},
                      {QStringLiteral("OTHER"), QStringLiteral("v")}}}) {
        const SimHttp::Reply r = http.send("PATCH", path, json(change));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().object().value(QStringLiteral("id")).toString(), QStringLiteral("invalid_params"));
        QVERIFY(
            r.json().object().value(QStringLiteral("message")).toString().contains(QStringLiteral("_URL")));
    }
    QCOMPARE(http.get(path).json().object(), before); // nothing applied, not even OTHER
}

void TestSimAddons::configPatchSetsAndUnsets()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}));
    SimHttp http(sim);
    const QString path = QStringLiteral("/apps/sandbox-app-0001/config-vars");
    const SimHttp::Reply set = http.send(
        "PATCH", path,
        json({{QStringLiteral("FOO"), QStringLiteral("bar")}, {QStringLiteral("LANG"), QJsonValue::Null}}));
    QCOMPARE(set.status, 200);
    QCOMPARE(set.json().object().value(QStringLiteral("FOO")).toString(), QStringLiteral("bar"));
    QVERIFY(!set.json().object().contains(QStringLiteral("LANG")));
    QCOMPARE(http.get(path).json().object(), set.json().object());
    const SimHttp::Reply bad =
        http.send("PATCH", path, json({{QStringLiteral("BAD-NAME"), QStringLiteral("x")}}));
    QCOMPARE(bad.status, 422);
    QCOMPARE(http.send("PATCH", path, "{not json").status, 400);
    // Each change is a release, newest last.
    const QJsonArray releases = http.get(QStringLiteral("/apps/sandbox-app-0001/releases")).json().array();
    QVERIFY(releases.last()
                .toObject()
                .value(QStringLiteral("description"))
                .toString()
                .contains(QStringLiteral("FOO")));
    QVERIFY(releases.last().toObject().value(QStringLiteral("current")).toBool());
}

void TestSimAddons::planChangesAndRemoval()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("1")}));
    SimHttp http(sim);
    const QString addonPath = QStringLiteral("/apps/sandbox-app-0001/addons/CLEARDB_DATABASE");
    const SimHttp::Reply up =
        http.send("PATCH", addonPath, json({{QStringLiteral("plan"), QStringLiteral("cleardb:punch")}}));
    QCOMPARE(up.status, 200);
    QCOMPARE(
        up.json().object().value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("cleardb:punch"));
    QCOMPARE(up.json()
                 .object()
                 .value(QStringLiteral("billed_price"))
                 .toObject()
                 .value(QStringLiteral("cents"))
                 .toInt(),
             999);
    QCOMPARE(http.send("PATCH", addonPath, json({{QStringLiteral("plan"), QStringLiteral("punch")}})).status,
             422); // same plan
    QCOMPARE(http.send("PATCH", addonPath,
                       json({{QStringLiteral("plan"), QStringLiteral("heroku-postgresql:essential-0")}}))
                 .status,
             422);
    QCOMPARE(
        http.send("PATCH", addonPath, json({{QStringLiteral("plan"), QStringLiteral("cleardb:gigantic")}}))
            .status,
        404);

    const SimHttp::Reply removed = http.send("DELETE", addonPath);
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.json().object().value(QStringLiteral("state")).toString(),
             QStringLiteral("deprovisioned"));
    QVERIFY(!http.get(QStringLiteral("/apps/sandbox-app-0001/config-vars"))
                 .json()
                 .object()
                 .contains(QStringLiteral("CLEARDB_DATABASE_URL")));
    QCOMPARE(http.get(addonPath).status, 404);
    QCOMPARE(http.get(addonPath).json().object().value(QStringLiteral("resource")).toString(),
             QStringLiteral("add_on"));
    QVERIFY(http.get(QStringLiteral("/addons")).json().array().isEmpty());
}

void TestSimAddons::createErrors()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2")}));
    SimHttp http(sim);
    const QString path = QStringLiteral("/apps/sandbox-app-0002/addons");
    const SimHttp::Reply unknownPlan =
        http.send("POST", path, json({{QStringLiteral("plan"), QStringLiteral("cleardb:huge")}}));
    QCOMPARE(unknownPlan.status, 404);
    QVERIFY(unknownPlan.json()
                .object()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("cleardb:huge")));
    QCOMPARE(http.send("POST", path, json({})).status, 422);
    // DATABASE is taken by Heroku Postgres on this app.
    const SimHttp::Reply taken =
        http.send("POST", path,
                  json({{QStringLiteral("plan"), QStringLiteral("cleardb:ignite")},
                        {QStringLiteral("attachment"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("DATABASE")}}}}));
    QCOMPARE(taken.status, 422);
    const SimHttp::Reply named = http.send("POST", path,
                                           json({{QStringLiteral("plan"), QStringLiteral("cleardb:ignite")},
                                                 {QStringLiteral("name"), QStringLiteral("my-db")}}));
    QCOMPARE(named.status, 201);
    QCOMPARE(http.send("POST", path,
                       json({{QStringLiteral("plan"), QStringLiteral("cleardb:ignite")},
                             {QStringLiteral("name"), QStringLiteral("my-db")}}))
                 .status,
             422);
    QCOMPARE(http.send("POST", QStringLiteral("/apps/nope/addons"),
                       json({{QStringLiteral("plan"), QStringLiteral("cleardb:ignite")}}))
                 .status,
             404);
}

void TestSimAddons::resolveActions()
{
    SimProcess sim;
    QVERIFY(sim.start({QStringLiteral("--apps"), QStringLiteral("2")}));
    SimHttp http(sim);
    const SimHttp::Reply byAttachment =
        http.send("POST", QStringLiteral("/actions/addons/resolve"),
                  json({{QStringLiteral("addon"), QStringLiteral("CLEARDB_DATABASE")},
                        {QStringLiteral("app"), QStringLiteral("sandbox-app-0002")}}));
    QCOMPARE(byAttachment.status, 200);
    QCOMPARE(byAttachment.json().array().size(), 1);
    const QString addonName =
        byAttachment.json().array().at(0).toObject().value(QStringLiteral("name")).toString();
    const SimHttp::Reply byName =
        http.send("POST", QStringLiteral("/actions/addons/resolve"),
                  json({{QStringLiteral("addon"), addonName}, {QStringLiteral("app"), QJsonValue::Null}}));
    QCOMPARE(byName.json().array().at(0).toObject().value(QStringLiteral("name")).toString(), addonName);
    const SimHttp::Reply missing = http.send("POST", QStringLiteral("/actions/addons/resolve"),
                                             json({{QStringLiteral("addon"), QStringLiteral("nothing")}}));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().object().value(QStringLiteral("resource")).toString(), QStringLiteral("add_on"));

    const SimHttp::Reply att =
        http.send("POST", QStringLiteral("/actions/addon-attachments/resolve"),
                  json({{QStringLiteral("addon_attachment"), QStringLiteral("sandbox-app-0002::DATABASE")}}));
    QCOMPARE(att.status, 200);
    QCOMPARE(att.json().array().at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("DATABASE"));
    const SimHttp::Reply noAtt =
        http.send("POST", QStringLiteral("/actions/addon-attachments/resolve"),
                  json({{QStringLiteral("addon_attachment"), QStringLiteral("NOPE")},
                        {QStringLiteral("app"), QStringLiteral("sandbox-app-0002")}}));
    QCOMPARE(noAtt.status, 404);
    QCOMPARE(noAtt.json().object().value(QStringLiteral("resource")).toString(),
             QStringLiteral("add_on attachment"));
}

QTEST_GUILESS_MAIN(TestSimAddons)
#include "tst_simaddons.moc"
