// SPDX-License-Identifier: MIT
// heroku-sim with several accounts and tokens: every token answers for its own account and sees
// only its apps; a browser login's token is the chosen account's and ends with its session
// (DELETE /oauth/sessions/~); authorizations are listed redacted, "~" is the API key, and a
// deleted one's token is refused. Accounts and tokens survive a restart with --state.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {
// The Heroku CLI's logout match (isCurrentOAuthToken, @heroku-cli/command login.js).
bool matchesListed(const QString &token, const QString &listed)
{
    const int stars = listed.indexOf(QStringLiteral("**********"));
    if (stars < 0)
        return token == listed;
    const QString suffix = listed.mid(stars + 10);
    return token.startsWith(listed.left(stars)) && (suffix.isEmpty() || token.endsWith(suffix));
}

QStringList appNames(const SimHttp::Reply &reply)
{
    QStringList names;
    for (const QJsonValue &a : reply.json().array())
        names.append(a.toObject().value(QStringLiteral("name")).toString());
    names.sort();
    return names;
}

QString email(SimHttp &http)
{
    return http.get(QStringLiteral("/account")).json().object().value(QStringLiteral("email")).toString();
}
} // namespace

class TestSimAccounts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void eachTokenAnswersForItsAccount();
    void otherAccountsAppsAreNotFound();
    void loginTokenIsTheChosenAccount();
    void sessionEndRevokesTheLoginToken();
    void apiKeyHasNoSession();
    void authorizationsAreListedRedacted();
    void deletedAuthorizationIsRefused();
    void accountsAndTokensSurviveARestart();

private:
    SimProcess m_sim;
};

void TestSimAccounts::initTestCase()
{
    // One extra account on the command line, one from the environment.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HEROKU_SIM_ACCOUNTS"), QStringLiteral("bob.smith@example.com=bob-token"));
    m_sim.process().setProcessEnvironment(env);
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--account"),
                          QStringLiteral("alice@example.com=alice-token")}),
             qPrintable(m_sim.errorString()));
}

void TestSimAccounts::eachTokenAnswersForItsAccount()
{
    SimHttp sandbox(m_sim);
    SimHttp alice(m_sim.baseUrl(), QStringLiteral("alice-token"));
    SimHttp bob(m_sim.baseUrl(), QStringLiteral("bob-token"));
    QCOMPARE(email(sandbox), QStringLiteral("sandbox@example.com"));
    QCOMPARE(email(alice), QStringLiteral("alice@example.com"));
    QCOMPARE(email(bob), QStringLiteral("bob.smith@example.com"));
    QCOMPARE(appNames(sandbox.get(QStringLiteral("/apps"))),
             (QStringList{QStringLiteral("sandbox-app-0001"), QStringLiteral("sandbox-app-0002")}));
    QCOMPARE(appNames(alice.get(QStringLiteral("/users/~/apps"))),
             (QStringList{QStringLiteral("alice-app-0001"), QStringLiteral("alice-app-0002")}));
    QCOMPARE(appNames(bob.get(QStringLiteral("/apps"))),
             (QStringList{QStringLiteral("bob-smith-app-0001"), QStringLiteral("bob-smith-app-0002")}));
    const QJsonObject app = alice.get(QStringLiteral("/apps/alice-app-0001")).json().object();
    QCOMPARE(app.value(QStringLiteral("owner")).toObject().value(QStringLiteral("email")).toString(),
             QStringLiteral("alice@example.com"));
    QCOMPARE(alice.get(QStringLiteral("/apps/alice-app-0001/addons")).json().array().size(), 1);
}

void TestSimAccounts::otherAccountsAppsAreNotFound()
{
    SimHttp sandbox(m_sim);
    SimHttp alice(m_sim.baseUrl(), QStringLiteral("alice-token"));
    const QString addonId = sandbox.get(QStringLiteral("/apps/sandbox-app-0001/addons"))
                                .json()
                                .array()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
    // Premise: the owner reaches them.
    QVERIFY(!addonId.isEmpty());
    QCOMPARE(sandbox.get(QStringLiteral("/addons/") + addonId).status, 200);
    QCOMPARE(alice.get(QStringLiteral("/apps/sandbox-app-0001")).status, 404);
    QCOMPARE(alice.get(QStringLiteral("/apps/sandbox-app-0001/config-vars")).status, 404);
    QCOMPARE(alice.get(QStringLiteral("/addons/") + addonId).status, 404);
    for (const QJsonValue &a : alice.get(QStringLiteral("/addons")).json().array())
        QVERIFY(a.toObject().value(QStringLiteral("id")).toString() != addonId);
    QCOMPARE(alice.get(QStringLiteral("/users/sandbox@example.com/apps")).status, 404);
}

void TestSimAccounts::loginTokenIsTheChosenAccount()
{
    const Result<QString> token = m_sim.approvedLoginToken(QStringLiteral("alice@example.com"));
    QVERIFY2(token, token ? "" : qPrintable(token.error().oneLine()));
    SimHttp api(m_sim.baseUrl(), *token);
    QCOMPARE(email(api), QStringLiteral("alice@example.com"));
    QCOMPARE(appNames(api.get(QStringLiteral("/apps"))).first(), QStringLiteral("alice-app-0001"));
}

void TestSimAccounts::sessionEndRevokesTheLoginToken()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY(token);
    SimHttp api(m_sim.baseUrl(), *token);
    QCOMPARE(api.get(QStringLiteral("/account")).status, 200);
    const SimHttp::Reply ended = api.send("DELETE", QStringLiteral("/oauth/sessions/~"));
    QCOMPARE(ended.status, 200);
    const QJsonObject session = ended.json().object();
    QVERIFY(!session.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(session.value(QStringLiteral("description")).toString(),
             QStringLiteral("SimProcess test login"));
    QVERIFY(
        QDateTime::fromString(session.value(QStringLiteral("created_at")).toString(), Qt::ISODate).isValid());
    QVERIFY(
        QDateTime::fromString(session.value(QStringLiteral("updated_at")).toString(), Qt::ISODate).isValid());
    QCOMPARE(api.get(QStringLiteral("/account")).status, 401);
    QCOMPARE(SimHttp(m_sim).get(QStringLiteral("/account")).status, 200);
}

void TestSimAccounts::apiKeyHasNoSession()
{
    SimHttp sandbox(m_sim);
    const SimHttp::Reply r = sandbox.send("DELETE", QStringLiteral("/oauth/sessions/~"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().object().value(QStringLiteral("id")).toString(), QStringLiteral("not_found"));
    QCOMPARE(r.json().object().value(QStringLiteral("resource")).toString(), QStringLiteral("session"));
    QCOMPARE(sandbox.get(QStringLiteral("/account")).status, 200);
}

void TestSimAccounts::authorizationsAreListedRedacted()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY(token);
    SimHttp api(m_sim.baseUrl(), *token);
    const QJsonArray list = api.get(QStringLiteral("/oauth/authorizations")).json().array();
    int mine = 0;
    int apiKeys = 0;
    for (const QJsonValue &v : list) {
        const QJsonObject a = v.toObject();
        const QString listed =
            a.value(QStringLiteral("access_token")).toObject().value(QStringLiteral("token")).toString();
        QVERIFY2(listed.contains(QStringLiteral("**********")),
                 qPrintable(a.value(QStringLiteral("id")).toString()));
        QCOMPARE(a.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("sandbox@example.com"));
        mine += matchesListed(*token, listed) ? 1 : 0;
        apiKeys += matchesListed(m_sim.token(), listed) ? 1 : 0;
    }
    QCOMPARE(mine, 1);
    QCOMPARE(apiKeys, 1);
    // "~" is the API key, not the calling token.
    const QJsonObject key = api.get(QStringLiteral("/oauth/authorizations/~")).json().object();
    const QString keyToken =
        key.value(QStringLiteral("access_token")).toObject().value(QStringLiteral("token")).toString();
    QVERIFY(matchesListed(m_sim.token(), keyToken));
    QVERIFY(!matchesListed(*token, keyToken));
    QVERIFY(key.value(QStringLiteral("session")).isNull());
    // Another account's list holds only its own.
    SimHttp alice(m_sim.baseUrl(), QStringLiteral("alice-token"));
    for (const QJsonValue &v : alice.get(QStringLiteral("/oauth/authorizations")).json().array())
        QCOMPARE(
            v.toObject().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
            QStringLiteral("alice@example.com"));
}

void TestSimAccounts::deletedAuthorizationIsRefused()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY(token);
    SimHttp sandbox(m_sim);
    QString id;
    for (const QJsonValue &v : sandbox.get(QStringLiteral("/oauth/authorizations")).json().array()) {
        const QJsonObject a = v.toObject();
        if (matchesListed(
                *token,
                a.value(QStringLiteral("access_token")).toObject().value(QStringLiteral("token")).toString()))
            id = a.value(QStringLiteral("id")).toString();
    }
    QVERIFY(!id.isEmpty());
    SimHttp api(m_sim.baseUrl(), *token);
    QCOMPARE(api.get(QStringLiteral("/account")).status, 200);
    // Another account cannot delete it.
    SimHttp alice(m_sim.baseUrl(), QStringLiteral("alice-token"));
    QCOMPARE(alice.send("DELETE", QStringLiteral("/oauth/authorizations/") + id).status, 404);
    QCOMPARE(api.get(QStringLiteral("/account")).status, 200);

    const SimHttp::Reply deleted = sandbox.send("DELETE", QStringLiteral("/oauth/authorizations/") + id);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json().object().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(api.get(QStringLiteral("/account")).status, 401);
    const SimHttp::Reply gone = sandbox.get(QStringLiteral("/oauth/authorizations/") + id);
    QCOMPARE(gone.status, 404);
    QCOMPARE(gone.json().object().value(QStringLiteral("resource")).toString(),
             QStringLiteral("authorization"));
}

void TestSimAccounts::accountsAndTokensSurviveARestart()
{
    QTemporaryDir dir;
    const QString state = dir.filePath(QStringLiteral("state.json"));
    const QStringList args{QStringLiteral("--apps"),    QStringLiteral("1"),
                           QStringLiteral("--state"),   state,
                           QStringLiteral("--account"), QStringLiteral("carol@example.com=carol-token")};
    SimProcess sim;
    QVERIFY2(sim.start(args), qPrintable(sim.errorString()));
    const Result<QString> token = sim.approvedLoginToken(QStringLiteral("carol@example.com"));
    QVERIFY(token);
    sim.stop();
    // Restarted without --account: carol and the login token come back from the file.
    QVERIFY2(sim.start(args.mid(0, 4)), qPrintable(sim.errorString()));
    SimHttp api(sim.baseUrl(), *token);
    QCOMPARE(email(api), QStringLiteral("carol@example.com"));
    QCOMPARE(appNames(api.get(QStringLiteral("/apps"))),
             (QStringList{QStringLiteral("carol-app-0001"), QStringLiteral("carol-app-0002")}));
    SimHttp carolKey(sim.baseUrl(), QStringLiteral("carol-token"));
    QCOMPARE(email(carolKey), QStringLiteral("carol@example.com"));
}

QTEST_GUILESS_MAIN(TestSimAccounts)
#include "tst_simaccounts.moc"
