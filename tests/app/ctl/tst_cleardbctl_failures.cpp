// SPDX-License-Identifier: MIT
// cleardbctl when things go wrong: no or bad credentials, login/logout, an unreachable or
// insecure API, slow provisioning, a lost POST answer, and rate limits. The real binary against
// a real heroku-sim with injected faults (POST /__sim/faults).
#include "CtlProcess.h"
#include "SimHttp.h"
#include "SimProcess.h"
#include "SimRequestLog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

namespace {
const QString Token = QStringLiteral("ctl-failure-token-Wd81xQe5");
const QString AddonsPath = QStringLiteral("/apps/%1/addons");

QJsonDocument parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8());
}
} // namespace

class TestCleardbctlFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void missingCredentialsExplainsHowToLogIn();
    void rejectedTokenFails();
    void netrcTokenIsUsed();
    void loginStoresVerifiedTokenAndLogoutForgetsIt();
    void loginRejectsBadOrMissingToken();
    void unreachableApiFails();
    void insecureHostIsRefusedBeforeAnyRequest();
    void invalidTimeoutSettingIsUsageError();
    void provisionWaitsUntilProvisioned();
    void provisionWithoutWaitReturnsProvisioning();
    void provisionTimeoutNeverResendsThePost();
    void rateLimitedGetIsRetried();
    void rateLimitedPostIsNotRetried();
    void restartIsSentOnce_data();
    void restartIsSentOnce();
    void removeWithLostAnswerFindsTheAddonGone();
    void removeWith503SaysTheOutcomeIsUnknown();
    void removeOfAnAddonAlreadyGoneSucceeds();

private:
    void arm(const QString &faults);
    int addonCount(const QString &app);
    void createAddon(const QString &app, const QString &name);

    SimProcess m_sim{Token};
    CtlProcess *m_ctl = nullptr;
};

void TestCleardbctlFailures::initTestCase()
{
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("8"), QStringLiteral("--log"),
                          QStringLiteral("--provision-delay"), QStringLiteral("1500")}),
             qPrintable(m_sim.errorString()));
    m_ctl = new CtlProcess(m_sim);
}

void TestCleardbctlFailures::cleanup()
{
    SimHttp http(m_sim);
    http.send("DELETE", QStringLiteral("/__sim/faults"));
    m_ctl->environment().insert(QStringLiteral("HEROKU_API_KEY"), Token);
    m_ctl->environment().insert(QStringLiteral("HEROKU_HOST"), m_sim.baseUrl());
    m_ctl->environment().remove(QStringLiteral("CLEARDBCTL_TIMEOUT_MS"));
    m_ctl->environment().remove(QStringLiteral("CLEARDBCTL_POLL_MS"));
    QFile::remove(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
}

void TestCleardbctlFailures::cleanupTestCase()
{
    QVERIFY2(m_ctl->tokenNeverPrinted(), "a cleardbctl run printed the API token");
    delete m_ctl;
}

void TestCleardbctlFailures::arm(const QString &faults)
{
    SimHttp http(m_sim);
    const SimHttp::Reply reply = http.send("POST", QStringLiteral("/__sim/faults"), faults.toUtf8());
    QCOMPARE(reply.status, 200);
}

int TestCleardbctlFailures::addonCount(const QString &app)
{
    SimHttp http(m_sim);
    return http.get(AddonsPath.arg(app)).json().array().size();
}

void TestCleardbctlFailures::createAddon(const QString &app, const QString &name)
{
    SimHttp http(m_sim);
    const QJsonObject body{{QStringLiteral("plan"), QStringLiteral("cleardb:ignite")},
                           {QStringLiteral("name"), name}};
    const SimHttp::Reply reply =
        http.send("POST", AddonsPath.arg(app), QJsonDocument(body).toJson(QJsonDocument::Compact));
    QCOMPARE(reply.status, 201);
}

void TestCleardbctlFailures::missingCredentialsExplainsHowToLogIn()
{
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    const QString err = run.err;
    QVERIFY2(err.contains(QStringLiteral("error: ")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("cleardbctl login")) &&
                 err.contains(QStringLiteral("HEROKU_API_KEY")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("heroku-sim")), qPrintable(err));
    QCOMPARE(log.total(), 0);
}

void TestCleardbctlFailures::rejectedTokenFails()
{
    m_ctl->environment().insert(QStringLiteral("HEROKU_API_KEY"), QStringLiteral("not-the-token"));
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().contains(QStringLiteral("(unauthorized, request ")), qPrintable(run.err));
    QVERIFY(run.errLine().contains(QStringLiteral("cleardbctl login")));
    QVERIFY(!run.err.contains(QStringLiteral("not-the-token")));
}

void TestCleardbctlFailures::netrcTokenIsUsed()
{
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
    QFile netrc(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.open(QIODevice::WriteOnly));
    netrc.write("machine 127.0.0.1\n  login sandbox@example.com\n  password " + Token.toUtf8() + "\n");
    netrc.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    netrc.close();
    const auto run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(parseJson(run.out).array().size(), 8);
}

void TestCleardbctlFailures::loginStoresVerifiedTokenAndLogoutForgetsIt()
{
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
    SimRequestLog log(m_sim);
    const auto login = m_ctl->run({QStringLiteral("login")}, Token.toUtf8() + "\n");
    QCOMPARE(login.exitCode, 0);
    QCOMPARE(log.count(QStringLiteral("GET"), QStringLiteral("/account")), 1);
    QVERIFY2(login.out.contains(QStringLiteral("Logged in as ")) && login.out.contains(QLatin1Char('@')),
             qPrintable(login.out));
    // No keychain here (no D-Bus session): the fallback is ~/.netrc, and the output says so.
    QVERIFY2(login.out.contains(QStringLiteral(".netrc")), qPrintable(login.out));
    QFile netrc(QDir(m_ctl->home()).filePath(QStringLiteral(".netrc")));
    QVERIFY(netrc.exists());
    QCOMPARE(netrc.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    const auto apps = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(apps.exitCode, 0);

    const auto logout = m_ctl->run({QStringLiteral("logout")});
    QCOMPARE(logout.exitCode, 0);
    QVERIFY2(logout.out.contains(QStringLiteral("removed from")), qPrintable(logout.out));
    const auto after = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(after.exitCode, 1);
    QVERIFY(after.err.contains(QStringLiteral("cleardbctl login")));
}

void TestCleardbctlFailures::loginRejectsBadOrMissingToken()
{
    m_ctl->environment().remove(QStringLiteral("HEROKU_API_KEY"));
    const QString netrcPath = QDir(m_ctl->home()).filePath(QStringLiteral(".netrc"));
    const auto bad = m_ctl->run({QStringLiteral("login")}, QByteArray("wrong-token-123456\n"));
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.errLine().contains(QStringLiteral("unauthorized")), qPrintable(bad.err));
    QVERIFY(!bad.err.contains(QStringLiteral("wrong-token-123456")));
    QVERIFY2(!QFile::exists(netrcPath), "a token the API refused was stored");

    SimRequestLog log(m_sim);
    const auto empty = m_ctl->run({QStringLiteral("login")}, QByteArray());
    QCOMPARE(empty.exitCode, 2);
    QVERIFY(empty.errLine().contains(QStringLiteral("no token")));
    QCOMPARE(log.total(), 0);
}

void TestCleardbctlFailures::unreachableApiFails()
{
    // A port nothing listens on: the sim's, after asking the OS for a free one would race;
    // port 1 (tcpmux) is never served on a CI machine.
    m_ctl->environment().insert(QStringLiteral("HEROKU_HOST"), QStringLiteral("http://127.0.0.1:1"));
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().startsWith(QStringLiteral("error: 127.0.0.1 refused the connection")),
             qPrintable(run.err));
}

void TestCleardbctlFailures::insecureHostIsRefusedBeforeAnyRequest()
{
    m_ctl->environment().insert(QStringLiteral("HEROKU_HOST"), QStringLiteral("http://api.example.com"));
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().contains(QStringLiteral("plain http")), qPrintable(run.err));
}

void TestCleardbctlFailures::invalidTimeoutSettingIsUsageError()
{
    m_ctl->environment().insert(QStringLiteral("CLEARDBCTL_TIMEOUT_MS"), QStringLiteral("soon"));
    const auto run = m_ctl->run({QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errLine().contains(QStringLiteral("CLEARDBCTL_TIMEOUT_MS")), qPrintable(run.err));
}

void TestCleardbctlFailures::provisionWaitsUntilProvisioned()
{
    const QString app = SimProcess::appName(2);
    m_ctl->environment().insert(QStringLiteral("CLEARDBCTL_POLL_MS"), QStringLiteral("200"));
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("provision"),
                                 QStringLiteral("--app"), app, QStringLiteral("--wait")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject addon = parseJson(run.out).object();
    QCOMPARE(addon.value(QStringLiteral("state")).toString(), QStringLiteral("provisioned"));
    QCOMPARE(addon.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("cleardb:ignite"));
    QCOMPARE(log.countMethod(QStringLiteral("POST")), 1);
    // 1.5 s of provisioning at a 200 ms poll: several polls, each a GET of the add-on.
    const QString addonPath =
        AddonsPath.arg(app) + QLatin1Char('/') + addon.value(QStringLiteral("id")).toString();
    QVERIFY2(log.count(QStringLiteral("GET"), addonPath) >= 3,
             qPrintable(log.lines().join(QLatin1Char('\n'))));
    // --json keeps stderr free of progress chatter.
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
}

void TestCleardbctlFailures::provisionWithoutWaitReturnsProvisioning()
{
    const QString app = SimProcess::appName(3);
    const auto run =
        m_ctl->run({QStringLiteral("--json"), QStringLiteral("provision"), QStringLiteral("--app"), app,
                    QStringLiteral("--plan"), QStringLiteral("punch")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject addon = parseJson(run.out).object();
    QCOMPARE(addon.value(QStringLiteral("state")).toString(), QStringLiteral("provisioning"));
    QCOMPARE(addon.value(QStringLiteral("plan")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("cleardb:punch"));
}

void TestCleardbctlFailures::provisionTimeoutNeverResendsThePost()
{
    const QString app = SimProcess::appName(4);
    QCOMPARE(addonCount(app), 0);
    // The sim creates the add-on, then answers 2.5 s late; cleardbctl gives up after 600 ms.
    arm(QStringLiteral("POST /apps/*/addons=slow:2500*1"));
    m_ctl->environment().insert(QStringLiteral("CLEARDBCTL_TIMEOUT_MS"), QStringLiteral("600"));
    SimRequestLog log(m_sim);
    const auto run =
        m_ctl->run({QStringLiteral("provision"), QStringLiteral("--app"), app, QStringLiteral("--wait")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().contains(QStringLiteral("may or may not have been created")), qPrintable(run.err));
    QVERIFY2(run.errLine().contains(QStringLiteral("cleardbctl addons --app ") + app), qPrintable(run.err));
    QTRY_COMPARE_WITH_TIMEOUT(log.countMethod(QStringLiteral("POST")), 1, 5000);
    QTest::qWait(3000); // past the slow answer: a retry would have shown up by now
    QCOMPARE(log.countMethod(QStringLiteral("POST")), 1);
    QCOMPARE(addonCount(app), 1);
}

void TestCleardbctlFailures::rateLimitedGetIsRetried()
{
    arm(QStringLiteral("GET /apps=429*1"));
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("--json"), QStringLiteral("apps")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(parseJson(run.out).array().size(), 8);
    QCOMPARE(log.lines(),
             (QStringList{QStringLiteral("GET /apps -> 429"), QStringLiteral("GET /apps -> 200")}));
}

void TestCleardbctlFailures::rateLimitedPostIsNotRetried()
{
    const QString app = SimProcess::appName(5);
    arm(QStringLiteral("POST /apps/*/addons=429*1"));
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("provision"), QStringLiteral("--app"), app});
    QCOMPARE(run.exitCode, 1);
    static const QRegularExpression shape(
        QStringLiteral("^error: .+ \\(rate_limit, request [0-9a-fA-F-]+\\)$"));
    QVERIFY2(shape.match(run.errLine()).hasMatch(), qPrintable(run.err));
    QCOMPARE(log.lines(), QStringList{QStringLiteral("POST %1 -> 429").arg(AddonsPath.arg(app))});
    QCOMPARE(addonCount(app), 0);
}

void TestCleardbctlFailures::restartIsSentOnce_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("answer lost") << QStringLiteral("DELETE /apps/*/dynos=drop*1");
    QTest::newRow("503") << QStringLiteral("DELETE /apps/*/dynos=503*1");
}

void TestCleardbctlFailures::restartIsSentOnce()
{
    QFETCH(QString, fault);
    const QString app = SimProcess::appName(0);
    arm(fault);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("restart"), QStringLiteral("--app"), app});
    QTest::qWait(300); // a resend behind our back would show up by now
    QCOMPARE(log.count(QStringLiteral("DELETE"), QStringLiteral("/apps/%1/dynos").arg(app)), 1);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().contains(QStringLiteral("may or may not")), qPrintable(run.err));
}

void TestCleardbctlFailures::removeWithLostAnswerFindsTheAddonGone()
{
    // The sim deletes the add-on, then closes the connection without answering.
    const QString app = SimProcess::appName(6);
    createAddon(app, QStringLiteral("lost-answer-db"));
    QCOMPARE(addonCount(app), 1);
    arm(QStringLiteral("DELETE /apps/*/addons/*=drop*1"));
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("remove"), QStringLiteral("--app"), app,
                                 QStringLiteral("--confirm"), app, QStringLiteral("lost-answer-db")});
    QTest::qWait(300);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QCOMPARE(addonCount(app), 0);
    QVERIFY2(!run.err.contains(QStringLiteral("Couldn't find")), qPrintable(run.err));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("lost-answer-db was removed from ") + app), qPrintable(run.out));
}

void TestCleardbctlFailures::removeWith503SaysTheOutcomeIsUnknown()
{
    const QString app = SimProcess::appName(7);
    createAddon(app, QStringLiteral("busy-db"));
    arm(QStringLiteral("DELETE /apps/*/addons/*=503*1"));
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("remove"), QStringLiteral("--app"), app,
                                 QStringLiteral("--confirm"), app, QStringLiteral("busy-db")});
    QTest::qWait(300);
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QCOMPARE(addonCount(app), 1);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.errLine().contains(QStringLiteral("cleardbctl addons --app ") + app), qPrintable(run.err));
    QVERIFY2(run.errLine().startsWith(QStringLiteral("error: ")), qPrintable(run.err));
}

void TestCleardbctlFailures::removeOfAnAddonAlreadyGoneSucceeds()
{
    // What a user does after a lost answer: run the same remove again, and the add-on is gone.
    const QString app = SimProcess::appName(1);
    createAddon(app, QStringLiteral("gone-db"));
    SimHttp http(m_sim);
    QCOMPARE(http.send("DELETE", AddonsPath.arg(app) + QStringLiteral("/gone-db")).status, 200);
    SimRequestLog log(m_sim);
    const auto run = m_ctl->run({QStringLiteral("remove"), QStringLiteral("--app"), app,
                                 QStringLiteral("--confirm"), app, QStringLiteral("gone-db")});
    QCOMPARE(log.countMethod(QStringLiteral("DELETE")), 1);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("already removed")), qPrintable(run.out));
    // An app that does not exist is still an error, not "already removed".
    const auto noApp =
        m_ctl->run({QStringLiteral("remove"), QStringLiteral("--app"), QStringLiteral("no-such-app"),
                    QStringLiteral("--confirm"), QStringLiteral("no-such-app"), QStringLiteral("gone-db")});
    QCOMPARE(noApp.exitCode, 1);
    QVERIFY2(noApp.errLine().contains(QStringLiteral("Couldn't find that app")), qPrintable(noApp.err));
}

QTEST_GUILESS_MAIN(TestCleardbctlFailures)
#include "tst_cleardbctl_failures.moc"
