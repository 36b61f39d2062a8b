// SPDX-License-Identifier: MIT
// Every heroku-sim route, success and error, checked against the official Heroku Platform API
// schema: bodies against the link's targetSchema (lists item by item), errors against {id, message}.
#include "SchemaValidator.h"
#include "SimHttp.h"
#include "SimProcess.h"
#include "TestConfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

class TestSimSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void route_data();
    void route();
    void cleanupTestCase();

private:
    QString fill(QString path) const;
    SchemaValidator m_validator;
    SimProcess m_sim;
    QString m_addonId;
    QString m_attachmentId;
    QString m_releaseId;
    QString m_authorizationId;
    QSet<QString> m_linksCovered;
};

void TestSimSchema::initTestCase()
{
    const Status loaded = m_validator.load(QStringLiteral(CLEARDB_HEROKU_SCHEMA));
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().oneLine()));
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--provision-delay"),
                          QStringLiteral("0")}),
             qPrintable(m_sim.errorString()));
    SimHttp http(m_sim);
    const QJsonObject addon =
        http.get(QStringLiteral("/apps/sandbox-app-0001/addons")).json().array().at(0).toObject();
    m_addonId = addon.value(QStringLiteral("id")).toString();
    m_attachmentId = http.get(QStringLiteral("/apps/sandbox-app-0001/addon-attachments"))
                         .json()
                         .array()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString();
    m_releaseId = http.get(QStringLiteral("/apps/sandbox-app-0001/releases"))
                      .json()
                      .array()
                      .at(0)
                      .toObject()
                      .value(QStringLiteral("id"))
                      .toString();
    QVERIFY(!m_addonId.isEmpty() && !m_attachmentId.isEmpty() && !m_releaseId.isEmpty());
    // A browser login's authorization, so deleting one leaves the sim's own token working.
    const Result<QString> login = m_sim.approvedLoginToken();
    QVERIFY2(login, login ? "" : qPrintable(login.error().oneLine()));
    for (const QJsonValue &a : http.get(QStringLiteral("/oauth/authorizations")).json().array()) {
        if (!a.toObject().value(QStringLiteral("session")).isNull())
            m_authorizationId = a.toObject().value(QStringLiteral("id")).toString();
    }
    QVERIFY(!m_authorizationId.isEmpty());
}

QString TestSimSchema::fill(QString path) const
{
    return path.replace(QStringLiteral("{addon}"), m_addonId)
        .replace(QStringLiteral("{attachment}"), m_attachmentId)
        .replace(QStringLiteral("{release}"), m_releaseId)
        .replace(QStringLiteral("{authorization}"), m_authorizationId);
}

void TestSimSchema::route_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("link"); // the schema href with "{}" placeholders
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("header"); // one extra "Name: value" request header, if any
    const QString a1 = QStringLiteral("/apps/sandbox-app-0001");
    const QString a3 = QStringLiteral("/apps/sandbox-app-0003");
    auto row = [](const char *name, const QByteArray &method, const QString &path, const QString &link,
                  const QByteArray &body, int status, const QByteArray &header = {}) {
        QTest::newRow(name) << method << path << link << body << status << header;
    };
    row("account", "GET", QStringLiteral("/account"), QStringLiteral("/account"), {}, 200);
    row("rate limits", "GET", QStringLiteral("/account/rate-limits"), QStringLiteral("/account/rate-limits"),
        {}, 200);
    row("apps", "GET", QStringLiteral("/apps"), QStringLiteral("/apps"), {}, 200);
    row("user apps", "GET", QStringLiteral("/users/~/apps"), QStringLiteral("/users/{}/apps"), {}, 200);
    row("app", "GET", a1, QStringLiteral("/apps/{}"), {}, 200);
    row("addons", "GET", QStringLiteral("/addons"), QStringLiteral("/addons"), {}, 200);
    row("addon", "GET", QStringLiteral("/addons/{addon}"), QStringLiteral("/addons/{}"), {}, 200);
    row("app addons", "GET", a1 + QStringLiteral("/addons"), QStringLiteral("/apps/{}/addons"), {}, 200);
    row("app addon", "GET", a1 + QStringLiteral("/addons/{addon}"), QStringLiteral("/apps/{}/addons/{}"), {},
        200);
    row("create addon", "POST", a3 + QStringLiteral("/addons"), QStringLiteral("/apps/{}/addons"),
        R"({"plan":"cleardb:ignite","name":"schema-db","attachment":{"name":"SCHEMA_DB"}})", 201);
    row("update addon", "PATCH", a1 + QStringLiteral("/addons/{addon}"), QStringLiteral("/apps/{}/addons/{}"),
        R"({"plan":"cleardb:scream"})", 200);
    row("resolve addon", "POST", QStringLiteral("/actions/addons/resolve"),
        QStringLiteral("/actions/addons/resolve"), R"({"addon":"CLEARDB_DATABASE","app":"sandbox-app-0001"})",
        200);
    row("services", "GET", QStringLiteral("/addon-services"), QStringLiteral("/addon-services"), {}, 200);
    row("service", "GET", QStringLiteral("/addon-services/cleardb"), QStringLiteral("/addon-services/{}"), {},
        200);
    row("plans", "GET", QStringLiteral("/addon-services/cleardb/plans"),
        QStringLiteral("/addon-services/{}/plans"), {}, 200);
    row("service plan", "GET", QStringLiteral("/addon-services/cleardb/plans/punch"),
        QStringLiteral("/addon-services/{}/plans/{}"), {}, 200);
    row("plan", "GET", QStringLiteral("/plans/cleardb:drift"), QStringLiteral("/plans/{}"), {}, 200);
    row("attachments", "GET", QStringLiteral("/addon-attachments"), QStringLiteral("/addon-attachments"), {},
        200);
    row("attachment", "GET", QStringLiteral("/addon-attachments/{attachment}"),
        QStringLiteral("/addon-attachments/{}"), {}, 200);
    row("app attachments", "GET", a1 + QStringLiteral("/addon-attachments"),
        QStringLiteral("/apps/{}/addon-attachments"), {}, 200);
    row("app attachment", "GET", a1 + QStringLiteral("/addon-attachments/CLEARDB_DATABASE"),
        QStringLiteral("/apps/{}/addon-attachments/{}"), {}, 200);
    row("addon attachments", "GET", QStringLiteral("/addons/{addon}/addon-attachments"),
        QStringLiteral("/addons/{}/addon-attachments"), {}, 200);
    row("resolve attachment", "POST", QStringLiteral("/actions/addon-attachments/resolve"),
        QStringLiteral("/actions/addon-attachments/resolve"),
        R"({"addon_attachment":"CLEARDB_DATABASE","app":"sandbox-app-0001"})", 200);
    row("config", "GET", a1 + QStringLiteral("/config-vars"), QStringLiteral("/apps/{}/config-vars"), {},
        200);
    row("set config", "PATCH", a1 + QStringLiteral("/config-vars"), QStringLiteral("/apps/{}/config-vars"),
        R"({"A":"1","LANG":null})", 200);
    row("dynos", "GET", a1 + QStringLiteral("/dynos"), QStringLiteral("/apps/{}/dynos"), {}, 200);
    row("dyno", "GET", a1 + QStringLiteral("/dynos/web.1"), QStringLiteral("/apps/{}/dynos/{}"), {}, 200);
    row("restart all", "DELETE", a1 + QStringLiteral("/dynos"), QStringLiteral("/apps/{}/dynos"), {}, 202);
    row("restart one", "DELETE", a1 + QStringLiteral("/dynos/web.1"), QStringLiteral("/apps/{}/dynos/{}"), {},
        202);
    row("releases", "GET", a1 + QStringLiteral("/releases"), QStringLiteral("/apps/{}/releases"), {}, 200);
    row("release", "GET", a1 + QStringLiteral("/releases/{release}"), QStringLiteral("/apps/{}/releases/{}"),
        {}, 200);
    row("delete addon", "DELETE", a3 + QStringLiteral("/addons/schema-db"),
        QStringLiteral("/apps/{}/addons/{}"), {}, 200);
    row("authorizations", "GET", QStringLiteral("/oauth/authorizations"),
        QStringLiteral("/oauth/authorizations"), {}, 200);
    row("default authorization", "GET", QStringLiteral("/oauth/authorizations/~"),
        QStringLiteral("/oauth/authorizations/{}"), {}, 200);
    row("authorization", "GET", QStringLiteral("/oauth/authorizations/{authorization}"),
        QStringLiteral("/oauth/authorizations/{}"), {}, 200);
    row("delete authorization", "DELETE", QStringLiteral("/oauth/authorizations/{authorization}"),
        QStringLiteral("/oauth/authorizations/{}"), {}, 200);
    // Errors: no link schema, the Heroku error shape.
    row("unknown authorization", "GET", QStringLiteral("/oauth/authorizations/{authorization}"), {}, {}, 404);
    row("no session", "DELETE", QStringLiteral("/oauth/sessions/~"), {}, {}, 404);
    row("unknown app", "GET", QStringLiteral("/apps/nope"), {}, {}, 404);
    row("unknown addon", "GET", a1 + QStringLiteral("/addons/nope"), {}, {}, 404);
    row("unknown service", "GET", QStringLiteral("/addon-services/nope"), {}, {}, 404);
    row("unknown plan", "GET", QStringLiteral("/plans/cleardb:nope"), {}, {}, 404);
    row("unknown attachment", "GET", QStringLiteral("/addon-attachments/nope"), {}, {}, 404);
    row("unknown release", "GET", a1 + QStringLiteral("/releases/99"), {}, {}, 404);
    row("unknown dyno", "DELETE", a1 + QStringLiteral("/dynos/web.9"), {}, {}, 404);
    row("create with unknown plan", "POST", a1 + QStringLiteral("/addons"), {}, R"({"plan":"cleardb:nope"})",
        404);
    row("protected var", "PATCH", a1 + QStringLiteral("/config-vars"), {}, R"({"CLEARDB_DATABASE_URL":null})",
        422);
    row("bad json", "PATCH", a1 + QStringLiteral("/config-vars"), {}, "[1,2", 400);
    row("bad range", "GET", QStringLiteral("/apps"), {}, {}, 416, "Range: bogus");
    row("no token", "GET", QStringLiteral("/apps"), {}, {}, 401, "Authorization: Bearer wrong");
    row("no v3 accept", "GET", QStringLiteral("/apps"), {}, {}, 406, "Accept: application/json");
    row("wrong method", "PUT", QStringLiteral("/apps"), {}, {}, 405);
    row("unknown route", "GET", QStringLiteral("/nowhere"), {}, {}, 404);
}

void TestSimSchema::route()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, link);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, header);
    SimHttp http(m_sim);
    SimHttp::Headers headers;
    if (!header.isEmpty())
        headers.append(
            qMakePair(header.left(header.indexOf(':')), header.mid(header.indexOf(':') + 1).trimmed()));
    const SimHttp::Reply r = http.send(method, fill(path), body, headers);
    QCOMPARE(r.status, status);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, r.body.constData());
    QJsonObject schema;
    if (link.isEmpty()) {
        schema = QJsonDocument::fromJson(R"({"type":["object"],"required":["id","message"],"properties":{
            "id":{"type":["string"],"pattern":"^[a-z_]+$"},"message":{"type":["string"]},"url":{"type":["string"]}}})")
                     .object();
    } else {
        schema = m_validator.linkTargetSchema(QString::fromLatin1(method), link);
        QVERIFY2(!schema.isEmpty(), "the official schema has no such link");
        m_linksCovered.insert(QString::fromLatin1(method) + QLatin1Char(' ') + link);
    }
    const QStringList errors =
        m_validator.validate(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), schema);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QStringLiteral("; "))));
    if (doc.isArray() && status == 200 && !link.contains(QLatin1String("resolve")) &&
        link != QLatin1String("/apps/{}/dynos"))
        QVERIFY2(!doc.array().isEmpty(), "a list route answered an empty list, which validates trivially");
}

void TestSimSchema::cleanupTestCase()
{
    // heroku-sim serves 35 links of the official schema; every one was validated above.
    QCOMPARE(m_linksCovered.size(), 35);
}

QTEST_GUILESS_MAIN(TestSimSchema)
#include "tst_simschema.moc"
