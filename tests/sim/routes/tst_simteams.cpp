// SPDX-License-Identifier: MIT
// heroku-sim's teams: GET /teams lists the caller's teams, GET /teams/{team}/apps the team's apps,
// every app carries its team (or null), and a non-member sees neither the team nor its apps.
// Team apps are seeded only on request (--team-apps), so existing app counts stay the same.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {
QStringList names(const SimHttp::Reply &reply)
{
    QStringList out;
    for (const QJsonValue &a : reply.json().array())
        out.append(a.toObject().value(QStringLiteral("name")).toString());
    out.sort();
    return out;
}
} // namespace

class TestSimTeams : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void teamsListTheCallersTeams();
    void teamAppsAndTheAppsTeam();
    void nonMembersSeeNoTeam();
    void defaultSeedHasTheTeamButNoTeamApps();

private:
    SimProcess m_sim;
};

void TestSimTeams::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--team-apps"),
                          QStringLiteral("2"), QStringLiteral("--account"),
                          QStringLiteral("alice@example.com=alice-token")}),
             qPrintable(m_sim.errorString()));
}

void TestSimTeams::teamsListTheCallersTeams()
{
    SimHttp sandbox(m_sim);
    const SimHttp::Reply r = sandbox.get(QStringLiteral("/teams"));
    QCOMPARE(r.status, 200);
    const QJsonArray teams = r.json().array();
    QCOMPARE(teams.size(), 1);
    const QJsonObject team = teams.at(0).toObject();
    QCOMPARE(team.value(QStringLiteral("name")).toString(), QStringLiteral("acme-data"));
    QCOMPARE(team.value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(team.value(QStringLiteral("type")).toString(), QStringLiteral("team"));
    QCOMPARE(team.value(QStringLiteral("default")), QJsonValue(false));
    QVERIFY(team.value(QStringLiteral("membership_limit")).isNull());
    QVERIFY(team.value(QStringLiteral("enterprise_account")).isNull());
    QCOMPARE(sandbox.get(QStringLiteral("/teams/acme-data")).json().object().value(QStringLiteral("id")),
             team.value(QStringLiteral("id")));
    // Another account is in no team.
    SimHttp alice(m_sim.baseUrl(), QStringLiteral("alice-token"));
    const SimHttp::Reply none = alice.get(QStringLiteral("/teams"));
    QCOMPARE(none.status, 200);
    QVERIFY(none.json().isArray());
    QCOMPARE(none.json().array().size(), 0);
}

void TestSimTeams::teamAppsAndTheAppsTeam()
{
    SimHttp sandbox(m_sim);
    const QJsonObject team = sandbox.get(QStringLiteral("/teams")).json().array().at(0).toObject();
    const QString teamId = team.value(QStringLiteral("id")).toString();
    const QStringList teamApps{QStringLiteral("acme-data-app-0001"), QStringLiteral("acme-data-app-0002")};
    QCOMPARE(names(sandbox.get(QStringLiteral("/teams/acme-data/apps"))), teamApps);
    const SimHttp::Reply byId = sandbox.get(QStringLiteral("/teams/%1/apps").arg(teamId));
    QCOMPARE(names(byId), teamApps);
    const QJsonObject teamApp = byId.json().array().at(0).toObject();
    QCOMPARE(teamApp.value(QStringLiteral("team")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("acme-data"));
    QCOMPARE(teamApp.value(QStringLiteral("joined")), QJsonValue(false));
    QVERIFY(!teamApp.contains(QStringLiteral("organization")));

    // The account's app list holds its personal apps and its team's, each saying which.
    const QJsonArray apps = sandbox.get(QStringLiteral("/apps")).json().array();
    QCOMPARE(apps.size(), 4);
    int personal = 0;
    for (const QJsonValue &v : apps) {
        const QJsonObject app = v.toObject();
        const QString name = app.value(QStringLiteral("name")).toString();
        if (teamApps.contains(name)) {
            const QJsonObject expected{{QStringLiteral("id"), teamId},
                                       {QStringLiteral("name"), QStringLiteral("acme-data")}};
            QCOMPARE(app.value(QStringLiteral("team")).toObject(), expected);
            QCOMPARE(app.value(QStringLiteral("organization")).toObject(), expected);
        } else {
            ++personal;
            QVERIFY2(app.value(QStringLiteral("team")).isNull(), qPrintable(name));
            QVERIFY(app.value(QStringLiteral("organization")).isNull());
        }
    }
    QCOMPARE(personal, 2);
}

void TestSimTeams::nonMembersSeeNoTeam()
{
    // Premise: the member reaches both.
    SimHttp sandbox(m_sim);
    QCOMPARE(sandbox.get(QStringLiteral("/teams/acme-data/apps")).status, 200);
    QCOMPARE(sandbox.get(QStringLiteral("/apps/acme-data-app-0001")).status, 200);
    SimHttp alice(m_sim.baseUrl(), QStringLiteral("alice-token"));
    const SimHttp::Reply team = alice.get(QStringLiteral("/teams/acme-data/apps"));
    QCOMPARE(team.status, 404);
    QCOMPARE(team.json().object().value(QStringLiteral("resource")).toString(), QStringLiteral("team"));
    QCOMPARE(alice.get(QStringLiteral("/teams/acme-data")).status, 404);
    QCOMPARE(alice.get(QStringLiteral("/apps/acme-data-app-0001")).status, 404);
    QVERIFY(!names(alice.get(QStringLiteral("/apps"))).contains(QStringLiteral("acme-data-app-0001")));
    QCOMPARE(sandbox.get(QStringLiteral("/teams/no-such-team/apps")).status, 404);
}

void TestSimTeams::defaultSeedHasTheTeamButNoTeamApps()
{
    SimProcess plain;
    QVERIFY2(plain.start({QStringLiteral("--apps"), QStringLiteral("3")}), qPrintable(plain.errorString()));
    SimHttp http(plain);
    QCOMPARE(http.get(QStringLiteral("/apps")).json().array().size(), 3);
    QCOMPARE(names(http.get(QStringLiteral("/teams"))), QStringList{QStringLiteral("acme-data")});
    QCOMPARE(http.get(QStringLiteral("/teams/acme-data/apps")).json().array().size(), 0);
}

QTEST_GUILESS_MAIN(TestSimTeams)
#include "tst_simteams.moc"
