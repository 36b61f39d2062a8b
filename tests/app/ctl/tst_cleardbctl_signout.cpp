// SPDX-License-Identifier: MIT
// `cleardbctl logout` revoking at heroku-sim like `heroku logout`, and `cleardbctl apps` with the
// team filter. The real binary against a real heroku-sim whose request log shows what arrived.
#include "CtlProcess.h"
#include "CtlTestHelpers.h"
#include "SimHttp.h"
#include "SimProcess.h"
#include "SimRequestLog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace CtlTest;

namespace {
const QString Token = QStringLiteral("ctl-signout-key-Vb71pRz3");
const QString SessionPath = QStringLiteral("/oauth/sessions/~");
} // namespace

class TestCleardbctlSignOut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void logoutRevokesTheBrowserLogin();
    void logoutKeepsTheApiKey();
    void logoutReportsWhatItCouldNotRevoke();
    void localOnlySendsNothing();
    void apiKeyInTheEnvironmentRevokesNothing();
    void appsShowTheTeam();
    void appsFilterByTeamOrPersonal();
    void unknownTeamIsAnError();
    void teamAndPersonalExcludeEachOther();

private:
    void storeInNetrc(const QString &token);
    bool netrcHolds(const QString &token);
    int status(const QString &token);
    int authorizationDeletes(SimRequestLog &log);

    SimProcess m_sim{Token};
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctlSignOut::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("3"), QStringLiteral("--team-apps"),
                          QStringLiteral("2"), QStringLiteral("--log")}),
             qPrintable(m_sim.errorString()));
    m_ctl = new CtlProcess(m_sim);
}

void TestCleardbctlSignOut::cleanup()
{
    SimHttp http(m_sim);
    http.send("DELETE", QStringLiteral("/__sim/faults"));
    m_ctl->environment().insert(QStringLiteral("HEROKU_API_KEY"), Token);
    QFile::remove(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
}

void TestCleardbctlSignOut::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctlSignOut::storeInNetrc(const QString &token)
{
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
    QFile netrc(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::WriteOnly));
    netrc.write("machine 127.0.0.1\n  login sandbox@example.com\n  password " + token.toUtf8() + "\n");
    netrc.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

bool TestCleardbctlSignOut::netrcHolds(const QString &token)
{
    QFile netrc(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
    return netrc.open(QIODevice::ReadOnly) && netrc.readAll().contains(token.toUtf8());
}

int TestCleardbctlSignOut::status(const QString &token)
{
    SimHttp http(m_sim.baseUrl(), token);
    return http.get(QStringLiteral("/account")).status;
}

int TestCleardbctlSignOut::authorizationDeletes(SimRequestLog &log)
{
    return int(log.lines().filter(QStringLiteral("DELETE /oauth/authorizations/")).size());
}

void TestCleardbctlSignOut::logoutRevokesTheBrowserLogin()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    storeInNetrc(token.value());
    QCOMPARE(m_ctl->run({QStringLiteral("apps")}).exitCode, 0); // premise: cleardbctl uses this login
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("logout")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(authorizationDeletes(log), 1);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.value(0).startsWith(QStringLiteral("Logged out: removed from ~/.netrc")),
             qPrintable(run.out));
    QVERIFY2(lines.value(1).startsWith(QStringLiteral("Revoked at Heroku: the session, the authorization ")),
             qPrintable(run.out));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    QVERIFY(!run.out.contains(token.value()));
    QCOMPARE(status(token.value()), 401);
    QVERIFY(!netrcHolds(token.value()));
    QCOMPARE(status(Token), 200);
}

void TestCleardbctlSignOut::logoutKeepsTheApiKey()
{
    storeInNetrc(Token);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("logout")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(authorizationDeletes(log), 0);
    const QJsonObject json = parseJson(run.out).object();
    QCOMPARE(json.value(QStringLiteral("revoked")).toArray().size(), 0);
    QCOMPARE(json.value(QStringLiteral("not_revoked")).toArray().size(), 0);
    QCOMPARE(json.value(QStringLiteral("revoke_skipped")).toBool(true), false);
    QVERIFY2(
        json.value(QStringLiteral("notes")).toArray().first().toString().contains(QStringLiteral("API key")),
        qPrintable(run.out));
    QVERIFY(json.value(QStringLiteral("netrc_machines")).toArray().contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(status(Token), 200);
    QVERIFY(!netrcHolds(Token));
}

void TestCleardbctlSignOut::logoutReportsWhatItCouldNotRevoke()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    storeInNetrc(token.value());
    SimHttp http(m_sim);
    QCOMPARE(http.send("POST", QStringLiteral("/__sim/faults"),
                       "DELETE /oauth/sessions/~=500*1;DELETE /oauth/authorizations/*=500*1")
                 .status,
             200);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("logout")});
    // The user asked to sign out and the token is forgotten here: success, with the warnings.
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("DELETE"), SessionPath), 1);
    QCOMPARE(authorizationDeletes(log), 1);
    QCOMPARE(log.lines().filter(QStringLiteral("-> 500")).size(), 2);
    QCOMPARE(status(token.value()), 200); // premise: Heroku still accepts it
    QVERIFY(!netrcHolds(token.value()));
    const QStringList warnings = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(warnings.size(), 2);
    QVERIFY2(warnings.at(0).startsWith(QStringLiteral("warning: Could not revoke the session: ")) &&
                 warnings.at(0).contains(QStringLiteral("Account settings")),
             qPrintable(run.err));
    QVERIFY2(warnings.at(1).startsWith(QStringLiteral("warning: Could not revoke the authorization ")),
             qPrintable(run.err));
    // Nothing in the reasons was mistaken for a secret and masked.
    QVERIFY2(!run.err.contains(QStringLiteral("****")), qPrintable(run.err));
    QVERIFY(run.out.startsWith(QStringLiteral("Logged out: ")));
    QVERIFY(!run.out.contains(QStringLiteral("Revoked at Heroku")));
}

void TestCleardbctlSignOut::localOnlySendsNothing()
{
    storeInNetrc(Token);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("logout"), QStringLiteral("--local-only")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.total(), 0);
    QVERIFY(!netrcHolds(Token));
    QVERIFY2(run.out.contains(QStringLiteral("Nothing was revoked at Heroku (--local-only).")),
             qPrintable(run.out));
}

void TestCleardbctlSignOut::apiKeyInTheEnvironmentRevokesNothing()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, qPrintable(token ? QString() : token.error().oneLine()));
    m_ctl->environment().insert(QStringLiteral("HEROKU_API_KEY"), token.value());
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("logout")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(log.total(), 0);
    QCOMPARE(status(token.value()), 200);
    QVERIFY2(run.err.contains(QStringLiteral("HEROKU_API_KEY is still set")), qPrintable(run.err));
    QVERIFY(!run.out.contains(token.value()) && !run.err.contains(token.value()));
}

void TestCleardbctlSignOut::appsShowTheTeam()
{
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.value(0).simplified() == QStringLiteral("NAME REGION OWNER TEAM"), qPrintable(run.out));
    QCOMPARE(lines.size(), 2 + 5); // the header, its rule, five apps
    QCOMPARE(lines.filter(QStringLiteral("acme-data-app-"))
                 .filter(QRegularExpression(QStringLiteral("acme-data$")))
                 .size(),
             2);
}

void TestCleardbctlSignOut::appsFilterByTeamOrPersonal()
{
    const auto team = m_ctl->run({QStringLiteral("--json"), QStringLiteral("apps"), QStringLiteral("--team"),
                                  QStringLiteral("ACME-data")});
    QCOMPARE(team.exitCode, 0);
    const QJsonArray teamApps = parseJson(team.out).array();
    QCOMPARE(teamApps.size(), 2);
    for (const QJsonValue &app : teamApps)
        QCOMPARE(app[QStringLiteral("team")][QStringLiteral("name")].toString(), QStringLiteral("acme-data"));

    const auto personal =
        m_ctl->run({QStringLiteral("--json"), QStringLiteral("apps"), QStringLiteral("--personal")});
    QCOMPARE(personal.exitCode, 0);
    const QJsonArray personalApps = parseJson(personal.out).array();
    QCOMPARE(personalApps.size(), 3);
    for (const QJsonValue &app : personalApps)
        QVERIFY(app[QStringLiteral("team")].isNull());
}

void TestCleardbctlSignOut::unknownTeamIsAnError()
{
    const auto run = m_ctl->run({QStringLiteral("apps"), QStringLiteral("--team"), QStringLiteral("nope")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errLine().contains(QStringLiteral("no team called “nope”")) &&
                 run.errLine().contains(QStringLiteral("acme-data")),
             qPrintable(run.err));
}

void TestCleardbctlSignOut::teamAndPersonalExcludeEachOther()
{
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("apps"), QStringLiteral("--team"),
                                 QStringLiteral("acme-data"), QStringLiteral("--personal")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(log.total(), 0);
}

QTEST_GUILESS_MAIN(TestCleardbctlSignOut)
#include "tst_cleardbctl_signout.moc"
