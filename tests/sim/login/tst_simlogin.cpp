// SPDX-License-Identifier: MIT
// heroku-sim's login host, the Heroku CLI's browser flow: POST /auth, the approval page, and the
// long-polled token (held until Approve or Deny, 503 to re-poll, one time only, Bearer-checked),
// with the minted token working on the API at once.
#include "SimHttp.h"
#include "SimProcess.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <memory>

namespace {
const SimHttp::Headers bare = {{"Authorization", {}}, {"Accept", {}}};

struct Login
{
    QString browserUrl;
    QString cliUrl;
    QString pollToken;
};
} // namespace

class TestSimLogin : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startNeedsNoApiHeaders();
    void approvalPageOffersAccountsAndButtons();
    void heldPollIsAnsweredOnApprove();
    void approvedTokenWorksOnTheApi();
    void denyAnswersTheRefusal();
    void pendingPollAnswers503ThenTheTokenWaits();
    void wrongBearerIsRefused();
    void disconnectDuringHeldPollKeepsTheToken();
    void pipelinedRequestWaitsBehindHeldPoll();
    void unknownPathsAndRequests();

private:
    Login start(const QByteArray &description = R"({"description":"Heroku CLI login from test-host"})");
    SimHttp::Reply decide(const Login &login, const QString &button, const QString &account = {});
    SimHttp::Reply pollNow(const Login &login, const QString &bearer = {});
    // A poll sent without waiting for its answer.
    QNetworkReply *pollLater(const Login &login);

    SimProcess m_sim;
    std::unique_ptr<SimHttp> m_login;
    QNetworkAccessManager m_network;
};

void TestSimLogin::initTestCase()
{
    // A short hold so the 503 re-poll answer is quick to reach.
    QVERIFY2(m_sim.start({QStringLiteral("--apps"), QStringLiteral("2"), QStringLiteral("--log"),
                          QStringLiteral("--login-poll-ms"), QStringLiteral("1500")}),
             qPrintable(m_sim.errorString()));
    QVERIFY(m_sim.loginUrl().port() > 0);
    QVERIFY(m_sim.loginUrl().port() != QUrl(m_sim.baseUrl()).port());
    m_login = std::make_unique<SimHttp>(m_sim.loginUrl().toString(), QString());
}

Login TestSimLogin::start(const QByteArray &description)
{
    const SimHttp::Reply r = m_login->send("POST", QStringLiteral("/auth"), description, bare);
    const QJsonObject o = r.json().object();
    return {o.value(QStringLiteral("browser_url")).toString(), o.value(QStringLiteral("cli_url")).toString(),
            o.value(QStringLiteral("token")).toString()};
}

SimHttp::Reply TestSimLogin::decide(const Login &login, const QString &button, const QString &account)
{
    QUrlQuery form;
    if (!account.isEmpty())
        form.addQueryItem(QStringLiteral("account"), account);
    return m_login->send("POST", login.browserUrl + QLatin1Char('/') + button,
                         form.toString(QUrl::FullyEncoded).toUtf8(),
                         bare + SimHttp::Headers{{"Content-Type", "application/x-www-form-urlencoded"}});
}

SimHttp::Reply TestSimLogin::pollNow(const Login &login, const QString &bearer)
{
    return m_login->send(
        "GET", login.cliUrl, {},
        {{"Accept", {}},
         {"Authorization", "Bearer " + (bearer.isNull() ? login.pollToken : bearer).toUtf8()}});
}

QNetworkReply *TestSimLogin::pollLater(const Login &login)
{
    QNetworkRequest request(m_sim.loginUrl(login.cliUrl));
    request.setRawHeader("Authorization", "Bearer " + login.pollToken.toUtf8());
    QNetworkReply *reply = m_network.get(request);
    reply->setParent(this);
    return reply;
}

void TestSimLogin::startNeedsNoApiHeaders()
{
    // Exactly what the Heroku CLI sends: JSON, no Accept, no Authorization.
    const SimHttp::Reply r = m_login->send("POST", QStringLiteral("/auth"),
                                           R"({"description":"Heroku CLI login from test-host"})", bare);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json().object();
    const QString browserUrl = o.value(QStringLiteral("browser_url")).toString();
    const QString cliUrl = o.value(QStringLiteral("cli_url")).toString();
    QVERIFY2(browserUrl.startsWith(QStringLiteral("/auth/cli/browser/")), qPrintable(browserUrl));
    QVERIFY2(cliUrl.startsWith(QStringLiteral("/auth/cli/fetch/")), qPrintable(cliUrl));
    QCOMPARE(browserUrl.section(QLatin1Char('/'), -1), cliUrl.section(QLatin1Char('/'), -1));
    QVERIFY(o.value(QStringLiteral("token")).toString().size() >= 16);
    // The poll token is not an API token.
    SimHttp api(m_sim.baseUrl(), o.value(QStringLiteral("token")).toString());
    QCOMPARE(api.get(QStringLiteral("/account")).status, 401);
}

void TestSimLogin::approvalPageOffersAccountsAndButtons()
{
    const Login login = start(R"({"description":"Heroku CLI login from <b>host</b>"})");
    const SimHttp::Reply page = m_login->get(login.browserUrl, bare);
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY2(html.contains(QStringLiteral("Heroku CLI login from &lt;b&gt;host&lt;/b&gt;")),
             qPrintable(html));
    QVERIFY(html.contains(QStringLiteral("<select name=\"account\" id=\"account\">")));
    QVERIFY(html.contains(QStringLiteral("<option value=\"sandbox@example.com\" selected>")));
    QVERIFY(html.contains(QStringLiteral("id=\"approve\"")));
    QVERIFY(html.contains(QStringLiteral("id=\"deny\"")));
    QVERIFY(html.contains(QStringLiteral("action=\"%1/approve\"").arg(login.browserUrl)));
    QVERIFY(html.contains(QStringLiteral("action=\"%1/deny\"").arg(login.browserUrl)));
}

void TestSimLogin::heldPollIsAnsweredOnApprove()
{
    const Login login = start();
    QNetworkReply *poll = pollLater(login);
    // Premise: the poll is held while nobody has clicked.
    QTRY_VERIFY(m_sim.standardError().contains(QStringLiteral("login GET %1 -> held").arg(login.cliUrl)));
    QTest::qWait(300);
    QVERIFY(!poll->isFinished());

    QElapsedTimer clock;
    clock.start();
    const SimHttp::Reply done =
        decide(login, QStringLiteral("approve"), QStringLiteral("sandbox@example.com"));
    QCOMPARE(done.status, 200);
    QVERIFY(done.body.contains("You may close this page"));
    QTRY_VERIFY(poll->isFinished());
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(poll->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject o = QJsonDocument::fromJson(poll->readAll()).object();
    QVERIFY(o.value(QStringLiteral("access_token")).toString().startsWith(QStringLiteral("HRKU-")));
    QVERIFY(o.contains(QStringLiteral("expires_in")) && o.value(QStringLiteral("expires_in")).isNull());
    SimHttp api(m_sim);
    QCOMPARE(o.value(QStringLiteral("user_id")).toString(),
             api.get(QStringLiteral("/account")).json().object().value(QStringLiteral("id")).toString());

    // One time: the next poll is told the request is used up, and the page is gone too.
    QCOMPARE(pollNow(login).status, 404);
    QCOMPARE(m_login->get(login.browserUrl, bare).status, 409);
    QCOMPARE(decide(login, QStringLiteral("deny")).status, 409);
}

void TestSimLogin::approvedTokenWorksOnTheApi()
{
    const Result<QString> token = m_sim.approvedLoginToken();
    QVERIFY2(token, token ? "" : qPrintable(token.error().oneLine()));
    QVERIFY(*token != m_sim.token());
    SimHttp api(m_sim.baseUrl(), *token);
    const SimHttp::Reply account = api.get(QStringLiteral("/account"));
    QCOMPARE(account.status, 200);
    QCOMPARE(account.json().object().value(QStringLiteral("email")).toString(),
             QStringLiteral("sandbox@example.com"));
    QCOMPARE(api.get(QStringLiteral("/apps")).status, 200);
    // The simulator's own token still works beside it.
    QCOMPARE(SimHttp(m_sim).get(QStringLiteral("/account")).status, 200);
}

void TestSimLogin::denyAnswersTheRefusal()
{
    const Login login = start();
    QNetworkReply *poll = pollLater(login);
    QTRY_VERIFY(m_sim.standardError().contains(QStringLiteral("login GET %1 -> held").arg(login.cliUrl)));
    QVERIFY(!poll->isFinished());
    const SimHttp::Reply done = decide(login, QStringLiteral("deny"));
    QCOMPARE(done.status, 200);
    QVERIFY(done.body.contains("You may close this page"));
    QTRY_VERIFY(poll->isFinished());
    QCOMPARE(poll->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonObject o = QJsonDocument::fromJson(poll->readAll()).object();
    QCOMPARE(o.value(QStringLiteral("error")).toString(),
             QStringLiteral("The login was denied in the browser."));
    QVERIFY(!o.contains(QStringLiteral("access_token")));
    QCOMPARE(pollNow(login).status, 404);
}

void TestSimLogin::pendingPollAnswers503ThenTheTokenWaits()
{
    const Login login = start();
    QElapsedTimer clock;
    clock.start();
    const SimHttp::Reply first = pollNow(login);
    // Held for --login-poll-ms (1500), then 503 so the client polls again (the CLI retries > 500).
    QCOMPARE(first.status, 503);
    QVERIFY2(clock.elapsed() >= 1300, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(first.json().object().value(QStringLiteral("id")).toString(),
             QStringLiteral("service_unavailable"));
    // Approved while no poll is held: the next poll gets the token at once.
    QCOMPARE(decide(login, QStringLiteral("approve")).status, 200);
    clock.restart();
    const SimHttp::Reply second = pollNow(login);
    QCOMPARE(second.status, 200);
    QVERIFY(clock.elapsed() < 1000);
    QVERIFY(second.json()
                .object()
                .value(QStringLiteral("access_token"))
                .toString()
                .startsWith(QStringLiteral("HRKU-")));
}

void TestSimLogin::wrongBearerIsRefused()
{
    const Login login = start();
    QCOMPARE(decide(login, QStringLiteral("approve")).status, 200);
    QCOMPARE(pollNow(login, QStringLiteral("not-the-token")).status, 401);
    const SimHttp::Reply missing =
        m_login->send("GET", login.cliUrl, {}, {{"Accept", {}}, {"Authorization", {}}});
    QCOMPARE(missing.status, 401);
    QCOMPARE(missing.json().object().value(QStringLiteral("id")).toString(), QStringLiteral("unauthorized"));
    // The API token is not the poll token either.
    QCOMPARE(pollNow(login, m_sim.token()).status, 401);
    // Premise: with the right bearer the same request has the token (the refusals did not use it).
    const SimHttp::Reply right = pollNow(login);
    QCOMPARE(right.status, 200);
    QVERIFY(right.json().object().contains(QStringLiteral("access_token")));
}

void TestSimLogin::disconnectDuringHeldPollKeepsTheToken()
{
    const Login login = start();
    QNetworkReply *poll = pollLater(login);
    QTRY_VERIFY(m_sim.standardError().contains(QStringLiteral("login GET %1 -> held").arg(login.cliUrl)));
    poll->abort();
    QTest::qWait(200);
    QCOMPARE(decide(login, QStringLiteral("approve")).status, 200);
    // The gone client did not use the one-time answer: the next poll gets it.
    const SimHttp::Reply again = pollNow(login);
    QCOMPARE(again.status, 200);
    QVERIFY(again.json()
                .object()
                .value(QStringLiteral("access_token"))
                .toString()
                .startsWith(QStringLiteral("HRKU-")));
    // And both listeners are healthy.
    QCOMPARE(SimHttp(m_sim).get(QStringLiteral("/account")).status, 200);
    QCOMPARE(m_login->send("POST", QStringLiteral("/auth"), "{}", bare).status, 200);
    QCOMPARE(m_sim.process().state(), QProcess::Running);
}

void TestSimLogin::pipelinedRequestWaitsBehindHeldPoll()
{
    const Login login = start();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_sim.loginUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET " + login.cliUrl.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                 login.pollToken.toUtf8() + "\r\n\r\nGET " + login.browserUrl.toUtf8() +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY(m_sim.standardError().contains(QStringLiteral("login GET %1 -> held").arg(login.cliUrl)));
    QTest::qWait(300);
    QCOMPARE(socket.bytesAvailable(), 0);
    QCOMPARE(decide(login, QStringLiteral("approve")).status, 200);
    QByteArray received;
    QTRY_VERIFY((received += socket.readAll()).count("HTTP/1.1 ") == 2 && received.endsWith("</html>\n"));
    // In order: the token first, then the page (which by now says the request was answered).
    QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    QVERIFY(received.indexOf("access_token") < received.indexOf("HTTP/1.1 409"));
}

void TestSimLogin::unknownPathsAndRequests()
{
    QCOMPARE(m_login->get(QStringLiteral("/nothing-here"), bare).status, 404);
    QCOMPARE(m_login->get(QStringLiteral("/auth"), bare).status, 405);
    QCOMPARE(m_login->get(QStringLiteral("/auth/cli/browser/no-such-id"), bare).status, 404);
    const Login missing{QStringLiteral("/auth/cli/browser/no-such-id"),
                        QStringLiteral("/auth/cli/fetch/no-such-id"), QStringLiteral("x")};
    QCOMPARE(pollNow(missing).status, 404);
    QCOMPARE(decide(missing, QStringLiteral("approve")).status, 404);
    QCOMPARE(m_login->send("POST", QStringLiteral("/auth"), "not json", bare).status, 400);
    const Login login = start();
    QCOMPARE(decide(login, QStringLiteral("approve"), QStringLiteral("nobody@example.com")).status, 422);
    // The refused approval left the request pending.
    QCOMPARE(m_login->get(login.browserUrl, bare).status, 200);
}

QTEST_GUILESS_MAIN(TestSimLogin)
#include "tst_simlogin.moc"
